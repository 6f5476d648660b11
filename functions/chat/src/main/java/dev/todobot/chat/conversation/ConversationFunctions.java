package dev.todobot.chat.conversation;

import java.util.UUID;
import java.util.function.Function;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.web.FunctionEndpoints;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /conversations} lists the caller's conversations, newest first;
 * {@code POST /messages} shows one of them.
 */
@Configuration(proxyBeanMethods = false)
class ConversationFunctions {

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> conversations(FunctionEndpoints endpoints,
			ConversationStore store) {
		return endpoints.authenticated(NoArguments.class, (caller, request) -> store.list(caller.user().id()));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> messages(FunctionEndpoints endpoints, ConversationStore store) {
		return endpoints.authenticated(MessagesRequest.class,
				(caller, request) -> store.messages(caller.user().id(), request.conversationId()));
	}

	/** The empty body of {@code conversations}. */
	record NoArguments() {
	}

	/** The body of {@code messages}. */
	record MessagesRequest(UUID conversationId) {

		MessagesRequest {
			if (conversationId == null) {
				throw new InvalidInputException("conversationId", "conversationId is required");
			}
		}

	}

}
