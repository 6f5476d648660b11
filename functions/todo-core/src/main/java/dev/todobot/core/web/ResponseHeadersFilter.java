package dev.todobot.core.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets only response headers through that a response should carry. Spring Cloud Function
 * copies the request's message headers into the response (Authorization and cookies among
 * them), so what leaves is chosen here, not there.
 */
public class ResponseHeadersFilter implements WebFilter, Ordered {

	private static final Set<String> ALLOWED = Set.of("content-type", "content-length", "transfer-encoding",
			"cache-control", "vary", "www-authenticate", "retry-after", "location", "allow", "mcp-session-id",
			"mcp-protocol-version", "x-accel-buffering", "connection", "date", "content-encoding", "etag", "expires",
			"pragma", "x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy",
			"strict-transport-security", "access-control-allow-origin", "access-control-allow-methods",
			"access-control-allow-headers", "access-control-max-age");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			List<String> refused = headers.headerNames().stream().filter((name) -> !isAllowed(name)).toList();
			refused.forEach(headers::remove);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static boolean isAllowed(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return ALLOWED.contains(lower) || lower.startsWith("ce-");
	}

}
