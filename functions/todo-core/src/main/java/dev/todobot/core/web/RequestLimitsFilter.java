package dev.todobot.core.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses bodies over 64 KiB (413) and bodies that are not JSON (415) before a function
 * reads them. A body that announces its length is refused at once; every body, chunked or
 * not, is counted as it is read and fails past the limit, whoever reads it: Spring Cloud
 * Function or a route of a function's own such as chat's event stream.
 */
public class RequestLimitsFilter implements WebFilter, Ordered {

	/** The largest body any function reads. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Set<String> JSON_SUBTYPES = Set.of("json", "cloudevents+json");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long length = request.getHeaders().getContentLength();
		if (length > MAX_BODY_BYTES) {
			return Mono.error(tooLarge());
		}
		if (request.getMethod() == HttpMethod.POST && !request.getPath().value().startsWith("/actuator")) {
			MediaType type = request.getHeaders().getContentType();
			if (length != 0 && type != null && !isJson(type)) {
				return Mono.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON)));
			}
		}
		return chain.filter(exchange.mutate().request(new LimitedBody(request)).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static boolean isJson(MediaType type) {
		return "application".equals(type.getType()) && JSON_SUBTYPES.contains(type.getSubtype());
	}

	private static DataBufferLimitException tooLarge() {
		return new DataBufferLimitException("The body is larger than " + MAX_BODY_BYTES + " bytes");
	}

	/**
	 * A request whose body fails once more than {@link #MAX_BODY_BYTES} have arrived.
	 */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		LimitedBody(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				AtomicLong read = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (read.addAndGet(buffer.readableByteCount()) > MAX_BODY_BYTES) {
						DataBufferUtils.release(buffer);
						sink.error(tooLarge());
					}
					else {
						sink.next(buffer);
					}
				});
			});
		}

	}

}
