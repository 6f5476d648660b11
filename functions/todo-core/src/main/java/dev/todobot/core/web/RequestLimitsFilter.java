package dev.todobot.core.web;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses bodies over 64 KiB (413) and bodies that are not JSON (415) before a function
 * reads them. Bodies without a {@code Content-Length} are held to the same limit by the
 * codecs' {@code max-in-memory-size}.
 */
public class RequestLimitsFilter implements WebFilter, Ordered {

	/** The largest body any function reads. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Set<String> JSON_SUBTYPES = Set.of("json", "cloudevents+json");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() == HttpMethod.POST && !request.getPath().value().startsWith("/actuator")) {
			long length = request.getHeaders().getContentLength();
			if (length > MAX_BODY_BYTES) {
				return Mono.error(new DataBufferLimitException("body of " + length + " bytes"));
			}
			MediaType type = request.getHeaders().getContentType();
			if (length != 0 && type != null && !isJson(type)) {
				return Mono.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON)));
			}
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private static boolean isJson(MediaType type) {
		return "application".equals(type.getType()) && JSON_SUBTYPES.contains(type.getSubtype());
	}

}
