package dev.todobot.reminders.event;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps {@code ce-*} headers out of every answer. Spring Cloud Function copies the
 * request's headers into the response, so a binary-mode event would be answered with
 * itself; and the Broker takes a subscriber's answer that looks like a CloudEvent as a
 * reply and delivers it again: an event would go round for ever. The answers are plain
 * JSON reports ({@link JsonAnswer}).
 */
public class NoEventAnswersFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			List<String> events = headers.headerNames()
				.stream()
				.filter((name) -> name.toLowerCase(Locale.ROOT).startsWith("ce-"))
				.toList();
			events.forEach(headers::remove);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
