package dev.todobot.chat.turn;

import java.net.URI;

import dev.todobot.chat.conversation.ConversationBusyException;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.core.web.ProblemExceptionHandler;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The problems of chat turns, answered before the shared {@link ProblemExceptionHandler}
 * and like it: a failed turn names its conversation ({@code conversationId}), and a turn
 * refused because another one is running says when to come back ({@code Retry-After}).
 */
@Order(-3)
class TurnProblems implements WebExceptionHandler {

	private final JsonBodies json;

	TurnProblems(JsonBodies json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted() || !isTurnProblem(error)) {
			return Mono.error(error);
		}
		ProblemDetail problem = problem(error, response.getHeaders());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(this.json.write(problem))));
	}

	/**
	 * The problem for a failure of a turn, also sent as a streamed turn's {@code error}
	 * event.
	 */
	static ProblemDetail problem(Throwable failure, HttpHeaders headers) {
		ProblemDetail problem = ProblemExceptionHandler.problem(failure, headers);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TurnFailedException failed) {
				problem.setProperty("conversationId", failed.conversationId());
				break;
			}
			if (cause instanceof ConversationBusyException) {
				headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ConversationBusyException.RETRY_AFTER.toSeconds()));
				break;
			}
		}
		return problem;
	}

	private static boolean isTurnProblem(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof TurnFailedException || cause instanceof ConversationBusyException) {
				return true;
			}
		}
		return false;
	}

}
