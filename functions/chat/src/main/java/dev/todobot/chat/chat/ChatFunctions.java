package dev.todobot.chat.chat;

import java.util.function.Function;

import dev.todobot.core.web.AuthenticatedFunctions;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /chat}: one turn, answered as JSON. With {@code Accept: text/event-stream}
 * the same route streams instead ({@link ChatStreamRoute}).
 */
@Configuration(proxyBeanMethods = false)
class ChatFunctions {

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> chat(AuthenticatedFunctions functions, ChatService chat) {
		return functions.of(ChatRequest.class, chat::chat);
	}

}
