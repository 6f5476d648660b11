package dev.todobot.chat.turn;

import java.util.function.Function;

import dev.todobot.chat.agent.ChatAgent;
import dev.todobot.chat.conversation.ConversationStore;
import dev.todobot.chat.conversation.TurnStore;
import dev.todobot.core.web.FunctionEndpoints;
import dev.todobot.core.web.IdempotencyKey;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.core.lifecycle.PendingWork;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /chat}: one turn, answered as JSON. With {@code Accept: text/event-stream}
 * the same route streams instead ({@link ChatStreamRoute}). An {@code Idempotency-Key}
 * header makes a retried turn answered once.
 */
@Configuration(proxyBeanMethods = false)
class ChatFunctions {

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> chat(FunctionEndpoints endpoints, ChatService chat) {
		return endpoints.authenticated(ChatRequest.class,
				(caller, request, headers) -> chat.chat(caller, request, headers.get(IdempotencyKey.HEADER)));
	}

	@Bean
	ChatService chatService(ConversationStore conversations, TurnStore turns, ChatAgent agent,
			PendingWork runningTurns) {
		return new ChatService(conversations, turns, agent, runningTurns);
	}

	/**
	 * Waits with the web server's graceful shutdown: a streamed turn whose client still
	 * listens is both a request and a turn.
	 */
	@Bean
	PendingWork runningTurns() {
		return new PendingWork(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
	}

	@Bean
	TurnProblems turnProblems(JsonBodies json) {
		return new TurnProblems(json);
	}

}
