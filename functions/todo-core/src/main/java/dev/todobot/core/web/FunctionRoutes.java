package dev.todobot.core.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

/**
 * Serves each function of an app at {@code POST /<name>} with a plain handler: the
 * request's body and headers become the function's message, and the message it answers
 * becomes the response, its headers included ({@link ResponseHeadersFilter} chooses what
 * leaves, as for any response).
 * <p>
 * Spring Cloud Function's web layer serves the same functions the same way, through an
 * annotated controller: per request it looks the function up in its catalog by the path,
 * resolves the controller method's arguments by reflection, and passes input and output
 * through its message converters. These functions already take and give bytes, so for
 * them that work changes nothing and costs about a fifth of todo's CPU per
 * {@code listTasks} (measured with the benchmark, see its README). Everything else stays
 * with Spring Cloud Function: a {@code GET}, a streamed answer ({@code Accept:
 * text/event-stream}) and any path that names no function.
 */
public final class FunctionRoutes {

	/** Ahead of Spring Cloud Function's own mapping, which takes every function path. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final byte[] NO_BODY = new byte[0];

	private static final RequestPredicate STREAMED = (
			request) -> request.headers().accept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);

	private FunctionRoutes() {
	}

	/**
	 * The handler mapping that serves the functions.
	 * @param functions the functions by name, in the order of the function definition
	 * @param codecs the codecs that read request bodies
	 * @return the mapping
	 */
	public static RouterFunctionMapping mapping(Map<String, Function<Message<byte[]>, Mono<Message<byte[]>>>> functions,
			ServerCodecConfigurer codecs) {
		RouterFunctionMapping mapping = new RouterFunctionMapping(routes(functions));
		mapping.setMessageReaders(codecs.getReaders());
		mapping.setOrder(ORDER);
		return mapping;
	}

	/**
	 * The functions a definition names ({@code spring.cloud.function.definition}, names
	 * separated by {@code ;}) that take and give messages of bytes; the others are left
	 * to Spring Cloud Function.
	 * @param definition the function definition
	 * @param candidates the app's functions of that shape, by bean name
	 * @return the functions to serve, by name
	 */
	public static Map<String, Function<Message<byte[]>, Mono<Message<byte[]>>>> named(String definition,
			Map<String, Function<Message<byte[]>, Mono<Message<byte[]>>>> candidates) {
		Map<String, Function<Message<byte[]>, Mono<Message<byte[]>>>> named = new LinkedHashMap<>();
		for (String entry : definition.split(";")) {
			String name = entry.strip();
			Function<Message<byte[]>, Mono<Message<byte[]>>> function = candidates.get(name);
			if (function != null) {
				named.put(name, function);
			}
		}
		return named;
	}

	private static RouterFunction<ServerResponse> routes(
			Map<String, Function<Message<byte[]>, Mono<Message<byte[]>>>> functions) {
		RouterFunctions.Builder routes = RouterFunctions.route();
		functions.forEach((name, function) -> routes.route(RequestPredicates.POST("/" + name).and(STREAMED.negate()),
				(request) -> call(function, request)));
		return routes.build();
	}

	private static Mono<ServerResponse> call(Function<Message<byte[]>, Mono<Message<byte[]>>> function,
			ServerRequest request) {
		return request.bodyToMono(byte[].class)
			.defaultIfEmpty(NO_BODY)
			.flatMap((body) -> function.apply(message(body, request)))
			.flatMap(FunctionRoutes::response);
	}

	private static Message<byte[]> message(byte[] body, ServerRequest request) {
		MessageBuilder<byte[]> message = MessageBuilder.withPayload(body);
		request.headers()
			.asHttpHeaders()
			.forEach((name, values) -> message.setHeader(name,
					(values.size() == 1) ? values.getFirst() : String.join(",", values)));
		return message.build();
	}

	private static Mono<ServerResponse> response(Message<byte[]> answer) {
		MessageHeaders headers = answer.getHeaders();
		Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
		return ServerResponse.ok().headers((http) -> headers.forEach((name, value) -> {
			if (!MessageHeaders.ID.equals(name) && !MessageHeaders.TIMESTAMP.equals(name)
					&& !MessageHeaders.CONTENT_TYPE.equals(name) && value != null) {
				http.set(name, value.toString());
			}
		}))
			.contentType((contentType != null) ? MediaType.parseMediaType(contentType.toString())
					: MediaType.APPLICATION_JSON)
			.bodyValue(answer.getPayload());
	}

}
