package dev.todobot.core.web;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A call served as a Spring Cloud Function over HTTP, made by {@link FunctionEndpoints}:
 * a JSON body in, a JSON answer out. A failure travels as an error signal, which
 * {@link ProblemExceptionHandler} answers with problem+json.
 * <p>
 * {@link #call} gives the answer before it is written, with its caller, so that a
 * decorator can answer in another form (todo answers a CloudEvent with one).
 */
public final class FunctionEndpoint implements Function<Message<byte[]>, Mono<Message<byte[]>>> {

	private final Function<Message<byte[]>, Mono<Answer>> call;

	FunctionEndpoint(Function<Message<byte[]>, Mono<Answer>> call) {
		this.call = call;
	}

	/**
	 * Runs the call.
	 * @param message the request: its body is the JSON the call reads
	 * @return the answer
	 */
	public Mono<Answer> call(Message<byte[]> message) {
		return Mono.defer(() -> this.call.apply(message));
	}

	@Override
	public Mono<Message<byte[]>> apply(Message<byte[]> message) {
		return call(message).map(Answer::message);
	}

	/**
	 * What a call answered.
	 *
	 * @param caller who called, or {@code null} for a function open to anyone
	 * @param body the answer as JSON
	 * @param replayed whether it is the answer a change gave the first time, given again
	 * to a retry: nothing changed this time
	 */
	public record Answer(Caller caller, byte[] body, boolean replayed) {

		/**
		 * The answer as Spring Cloud Function sends it: 200 with the JSON body.
		 * @return the message
		 */
		public Message<byte[]> message() {
			return MessageBuilder.withPayload(this.body)
				.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.build();
		}

	}

	/**
	 * Returned by a call that replays the answer a change gave the first time: sent like
	 * any answer, and marked {@link Answer#replayed()}.
	 *
	 * @param result the answer
	 */
	public record Replayed(Object result) {

	}

}
