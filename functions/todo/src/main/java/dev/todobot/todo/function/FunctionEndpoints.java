package dev.todobot.todo.function;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.user.AuthenticatedUser;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.web.JsonBodies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.spring.messaging.CloudEventMessageConverter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Turns a domain call into a function that Spring Cloud Function serves over HTTP: reads
 * the plain JSON body or the CloudEvent's data, checks the bearer token, runs the call,
 * and answers in the caller's form (JSON, or a CloudEvent in the same mode). Changes are
 * announced to {@code K_SINK}.
 */
public class FunctionEndpoints {

	private static final URI SOURCE = URI.create("/todo");

	private static final CloudEventMessageConverter BINARY = new CloudEventMessageConverter();

	private final JsonBodies json;

	private final TokenService tokens;

	private final ChangeAnnouncer announcer;

	public FunctionEndpoints(JsonBodies json, TokenService tokens, ChangeAnnouncer announcer) {
		this.json = json;
		this.tokens = tokens;
		this.announcer = announcer;
	}

	/**
	 * A function open to anyone (sign-up and sign-in).
	 */
	public <T> Function<Message<byte[]>, Mono<Message<byte[]>>> open(TodoOperation operation, Class<T> type,
			Function<T, Mono<?>> call) {
		return endpoint(operation, (node) -> this.json.convert(node, type),
				(user, input, request) -> call.apply(input));
	}

	/**
	 * A function for a signed-in user; the user comes from the bearer token only.
	 */
	public <T> Function<Message<byte[]>, Mono<Message<byte[]>>> authenticated(TodoOperation operation, Class<T> type,
			BiFunction<AuthenticatedUser, T, Mono<?>> call) {
		return endpoint(operation, (node) -> this.json.convert(node, type),
				(user, input, request) -> call.apply(user, input));
	}

	/**
	 * A function for a signed-in user that also reads request headers.
	 */
	public <T> Function<Message<byte[]>, Mono<Message<byte[]>>> authenticated(TodoOperation operation, Class<T> type,
			Call<T> call) {
		return endpoint(operation, (node) -> this.json.convert(node, type), call);
	}

	/**
	 * A function for a signed-in user whose request needs the raw JSON tree, for example
	 * to tell a field set to {@code null} from a missing one.
	 */
	public <T> Function<Message<byte[]>, Mono<Message<byte[]>>> authenticated(TodoOperation operation,
			Function<JsonNode, T> reader, BiFunction<AuthenticatedUser, T, Mono<?>> call) {
		return endpoint(operation, reader, (user, input, request) -> call.apply(user, input));
	}

	private <T> Function<Message<byte[]>, Mono<Message<byte[]>>> endpoint(TodoOperation operation,
			Function<JsonNode, T> reader, Call<T> call) {
		return (message) -> Mono.defer(() -> {
			IncomingRequest request = IncomingRequest.of(message);
			if (request.event() != null && !operation.requestType().equals(request.event().getType())) {
				throw new InvalidInputException("ce-type", "This function takes CloudEvents of type '"
						+ operation.requestType() + "', not '" + request.event().getType() + "'");
			}
			AuthenticatedUser user = operation.authenticated()
					? this.tokens.authenticate(request.header("authorization")) : null;
			T input = reader.apply(this.json.readTree(request.data()));
			return call.apply(user, input, request)
				.map((result) -> (result instanceof Replayed replayed)
						? answer(operation, request, user, this.json.write(replayed.result()), false)
						: answer(operation, request, user, this.json.write(result), operation.change()));
		});
	}

	/**
	 * @param announce whether the call changed something to announce
	 */
	private Message<byte[]> answer(TodoOperation operation, IncomingRequest request, AuthenticatedUser user,
			byte[] body, boolean announce) {
		if (announce || request.event() != null) {
			CloudEvent event = event(operation, user, body);
			if (announce) {
				this.announcer.announce(event);
			}
			if (request.mode() == IncomingRequest.EventMode.STRUCTURED) {
				byte[] structured = EventFormatProvider.getInstance()
					.resolveFormat(JsonFormat.CONTENT_TYPE)
					.serialize(event);
				return MessageBuilder.withPayload(structured)
					.setHeader(MessageHeaders.CONTENT_TYPE, JsonFormat.CONTENT_TYPE)
					.setHeader(HttpHeaders.CONTENT_TYPE, JsonFormat.CONTENT_TYPE)
					.build();
			}
			if (request.mode() == IncomingRequest.EventMode.BINARY) {
				@SuppressWarnings("unchecked")
				Message<byte[]> reply = (Message<byte[]>) BINARY.toMessage(event, new MessageHeaders(Map.of()));
				return reply;
			}
		}
		return MessageBuilder.withPayload(body)
			.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	/**
	 * A call of a function for a signed-in user.
	 *
	 * @param <T> the request body's type
	 */
	@FunctionalInterface
	public interface Call<T> {

		/**
		 * Runs the call.
		 * @param user the caller
		 * @param input the request body
		 * @param request the request as it arrived, for its headers
		 * @return the answer, or a {@link Replayed} one
		 */
		Mono<?> apply(AuthenticatedUser user, T input, IncomingRequest request);

	}

	/**
	 * The answer a change gave the first time, given again to a retry: sent like any
	 * answer, but not announced again, as nothing changed.
	 *
	 * @param result the answer
	 */
	public record Replayed(Object result) {

	}

	private static CloudEvent event(TodoOperation operation, AuthenticatedUser user, byte[] body) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(SOURCE)
			.withType(operation.replyType())
			.withTime(OffsetDateTime.now(ZoneOffset.UTC))
			.withDataContentType(MediaType.APPLICATION_JSON_VALUE)
			.withData(body);
		if (user != null) {
			builder.withExtension("userid", Long.toString(user.id()));
		}
		return builder.build();
	}

}
