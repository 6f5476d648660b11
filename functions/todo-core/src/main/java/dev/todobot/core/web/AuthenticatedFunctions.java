package dev.todobot.core.web;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.todobot.core.user.AuthenticatedUser;
import dev.todobot.core.user.TokenService;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Turns a call for a signed-in user into a function that Spring Cloud Function serves
 * over HTTP: checks the bearer token, reads the JSON body strictly, runs the call and
 * answers its result as JSON.
 */
public class AuthenticatedFunctions {

	private final JsonBodies json;

	private final TokenService tokens;

	public AuthenticatedFunctions(JsonBodies json, TokenService tokens) {
		this.json = json;
		this.tokens = tokens;
	}

	/**
	 * A function for a signed-in user; the user comes from the bearer token only.
	 * @param <T> the body type
	 * @param type the body type, a record checked in its constructor
	 * @param call the call, given the caller and the body
	 * @return the function
	 */
	public <T> Function<Message<byte[]>, Mono<Message<byte[]>>> of(Class<T> type, BiFunction<Caller, T, Mono<?>> call) {
		return (message) -> Mono.defer(() -> {
			Caller caller = authenticate(header(message.getHeaders(), HttpHeaders.AUTHORIZATION));
			T body = this.json.convert(this.json.readTree(message.getPayload()), type);
			return call.apply(caller, body)
				.map((result) -> MessageBuilder.withPayload(this.json.write(result))
					.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
					.build());
		});
	}

	/**
	 * Checks an {@code Authorization} header value.
	 * @param authorization the value, or {@code null}
	 * @return the caller
	 */
	public Caller authenticate(String authorization) {
		return new Caller(this.tokens.authenticate(authorization), authorization);
	}

	/**
	 * Looks a header up ignoring case: the function framework keeps the case it arrived
	 * in.
	 */
	public static String header(Map<String, Object> headers, String name) {
		for (Map.Entry<String, Object> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
				return header.getValue().toString();
			}
		}
		return null;
	}

	/**
	 * A signed-in caller.
	 *
	 * @param user who they are
	 * @param authorization their {@code Authorization} header, to act for them elsewhere
	 */
	public record Caller(AuthenticatedUser user, String authorization) {
	}

}
