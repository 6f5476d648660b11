package dev.todobot.chat.turn;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import dev.todobot.chat.agent.ChatTurn;
import dev.todobot.chat.agent.TurnListener;
import dev.todobot.chat.conversation.ToolCall;
import dev.todobot.chat.conversation.TurnStore;
import dev.todobot.core.web.Caller;
import dev.todobot.core.web.FunctionEndpoints;
import dev.todobot.core.web.JsonAnswersFilter;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.core.web.IdempotencyKey;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /chat} with {@code Accept: text/event-stream}: the turn as server-sent
 * events, {@code delta} (a piece of text), {@code tool} (a finished tool call) and
 * {@code done} (the whole turn), or {@code error} (a problem naming the conversation).
 * Spring Cloud Function hands a streaming request a {@code Flux} of the body instead of
 * the body, so this one route is served beside it.
 */
@Configuration(proxyBeanMethods = false)
class ChatStreamRoute {

	/**
	 * Every answer is JSON but this route's.
	 */
	@Bean
	JsonAnswersFilter jsonAnswersFilter() {
		return new JsonAnswersFilter(Set.of("/chat"));
	}

	@Bean
	RouterFunction<ServerResponse> chatStream(FunctionEndpoints endpoints, JsonBodies json, ChatService chat) {
		return RouterFunctions.route(RequestPredicates.POST("/chat").and(ChatStreamRoute::asksForEvents),
				(request) -> stream(request, endpoints, json, chat));
	}

	/**
	 * Only a client that names event streams gets one; {@code *}/{@code *} gets JSON.
	 */
	private static boolean asksForEvents(ServerRequest request) {
		return request.headers()
			.accept()
			.stream()
			.anyMatch((type) -> type.getType().equals("text") && type.getSubtype().equals("event-stream"));
	}

	private static Mono<ServerResponse> stream(ServerRequest request, FunctionEndpoints endpoints, JsonBodies json,
			ChatService chat) {
		Caller caller = endpoints.authenticate(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class)).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.map((body) -> json.convert(json.readTree(body), ChatRequest.class))
			.flatMap((chatRequest) -> {
				// holds the events until the response is written, and drops them once the
				// client has left
				Sinks.Many<ServerSentEvent<String>> events = Sinks.many().unicast().onBackpressureBuffer();
				String key = request.headers().firstHeader(IdempotencyKey.HEADER);
				// a turn that cannot begin (busy, not found) is answered with its status
				return chat.stream(caller, chatRequest, key, new SseListener(events, json))
					.then(ServerResponse.ok()
						.contentType(MediaType.TEXT_EVENT_STREAM)
						.header("X-Accel-Buffering", "no")
						.header(HttpHeaders.CACHE_CONTROL, "no-cache")
						.body(events.asFlux(), ServerSentEvent.class));
			});
	}

	/**
	 * Writes the turn's events; a client that went away stops hearing them, but the turn
	 * still runs to its end and is kept.
	 */
	private record SseListener(Sinks.Many<ServerSentEvent<String>> sink, JsonBodies json) implements TurnListener {

		@Override
		public void onDelta(String text) {
			emit("delta", Map.of("text", text));
		}

		@Override
		public void onTool(ToolCall toolCall) {
			emit("tool", toolCall);
		}

		@Override
		public void onDone(ChatTurn turn) {
			emit("done", turn);
			this.sink.tryEmitComplete();
		}

		@Override
		public void onError(RuntimeException failure) {
			emit("error", TurnProblems.problem(failure, new HttpHeaders()));
			this.sink.tryEmitComplete();
		}

		private void emit(String event, Object data) {
			// fails quietly once the client has left
			this.sink.tryEmitNext(ServerSentEvent.<String>builder()
				.event(event)
				.data(new String(this.json.write(data), StandardCharsets.UTF_8))
				.build());
		}

	}

}
