package dev.todobot.core.web;

import java.util.function.BiFunction;
import java.util.function.Function;

import dev.todobot.core.user.TokenService;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * Makes the function endpoints of every function app: checks the bearer token (unless the
 * function is open to anyone), reads the JSON body strictly, runs the call and answers
 * its result as JSON. The user of a call comes from the token only, never from the body.
 */
public class FunctionEndpoints {

	private final JsonBodies json;

	private final TokenService tokens;

	public FunctionEndpoints(JsonBodies json, TokenService tokens) {
		this.json = json;
		this.tokens = tokens;
	}

	/**
	 * A function open to anyone (sign-up and sign-in).
	 * @param <T> the body type
	 * @param type the body type, a record checked in its constructor
	 * @param call the call, given the body
	 * @return the function
	 */
	public <T> FunctionEndpoint open(Class<T> type, Function<T, Mono<?>> call) {
		return endpoint(false, (node) -> this.json.convert(node, type), (caller, body, headers) -> call.apply(body));
	}

	/**
	 * A function for a signed-in user.
	 * @param <T> the body type
	 * @param type the body type, a record checked in its constructor
	 * @param call the call, given the caller and the body
	 * @return the function
	 */
	public <T> FunctionEndpoint authenticated(Class<T> type, BiFunction<Caller, T, Mono<?>> call) {
		return endpoint(true, (node) -> this.json.convert(node, type),
				(caller, body, headers) -> call.apply(caller, body));
	}

	/**
	 * A function for a signed-in user that also reads request headers.
	 * @param <T> the body type
	 * @param type the body type, a record checked in its constructor
	 * @param call the call, given the caller, the body and the headers
	 * @return the function
	 */
	public <T> FunctionEndpoint authenticated(Class<T> type, Call<T> call) {
		return endpoint(true, (node) -> this.json.convert(node, type), call);
	}

	/**
	 * A function for a signed-in user whose body needs the raw JSON tree, for example to
	 * tell a field set to {@code null} from a missing one.
	 * @param <T> the body type
	 * @param reader reads the body from the tree
	 * @param call the call, given the caller and the body
	 * @return the function
	 */
	public <T> FunctionEndpoint authenticated(Function<JsonNode, T> reader, BiFunction<Caller, T, Mono<?>> call) {
		return endpoint(true, reader, (caller, body, headers) -> call.apply(caller, body));
	}

	/**
	 * Checks an {@code Authorization} header value, for a route served beside the
	 * functions.
	 * @param authorization the value, or {@code null}
	 * @return the caller
	 * @throws dev.todobot.core.error.UnauthenticatedException when it holds no valid
	 * bearer token
	 */
	public Caller authenticate(String authorization) {
		return new Caller(this.tokens.authenticate(authorization), authorization);
	}

	private <T> FunctionEndpoint endpoint(boolean authenticated, Function<JsonNode, T> reader, Call<T> call) {
		return new FunctionEndpoint((message) -> {
			RequestHeaders headers = RequestHeaders.of(message);
			// the token is checked before the body is read: a stranger learns nothing of
			// the body's rules
			Caller caller = authenticated ? authenticate(headers.get(HttpHeaders.AUTHORIZATION)) : null;
			T body = reader.apply(this.json.readTree(message.getPayload()));
			return call.apply(caller, body, headers)
				.map((result) -> (result instanceof FunctionEndpoint.Replayed replayed)
						? new FunctionEndpoint.Answer(caller, this.json.write(replayed.result()), true)
						: new FunctionEndpoint.Answer(caller, this.json.write(result), false));
		});
	}

	/**
	 * A call for a signed-in user that reads request headers.
	 *
	 * @param <T> the body type
	 */
	@FunctionalInterface
	public interface Call<T> {

		/**
		 * Runs the call.
		 * @param caller the caller
		 * @param body the request body
		 * @param headers the request headers
		 * @return the answer, or a {@link FunctionEndpoint.Replayed} one
		 */
		Mono<?> apply(Caller caller, T body, RequestHeaders headers);

	}

}
