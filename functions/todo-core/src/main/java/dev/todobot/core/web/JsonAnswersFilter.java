package dev.todobot.core.web;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every function answers JSON. Spring Cloud Function sends a request that accepts
 * {@code text/event-stream} to its streaming handler, which hands the function a
 * serialized {@code Flux} instead of the body (and the client a confusing "Unknown field
 * 'prefetch'"); so {@code Accept} is narrowed to JSON, and a client that cannot take JSON
 * gets 406. Paths with an event stream of their own (chat's {@code /chat}) and the
 * actuator are left as they are.
 */
public class JsonAnswersFilter implements WebFilter, Ordered {

	private static final String ACTUATOR = "/actuator";

	private static final List<MediaType> JSON_ONLY = List.of(MediaType.APPLICATION_JSON);

	private final Set<String> eventStreamPaths;

	/**
	 * @param eventStreamPaths the paths whose own routes answer {@code text/event-stream}
	 */
	public JsonAnswersFilter(Set<String> eventStreamPaths) {
		this.eventStreamPaths = Set.copyOf(eventStreamPaths);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (this.eventStreamPaths.contains(path) || path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/")) {
			return chain.filter(exchange);
		}
		List<MediaType> accepted;
		try {
			accepted = request.getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			return notAcceptable();
		}
		if (!accepted.isEmpty()
				&& accepted.stream().noneMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
			return notAcceptable();
		}
		if (accepted.equals(JSON_ONLY)) {
			// already narrow: the request and its headers need no copy
			return chain.filter(exchange);
		}
		ServerHttpRequest narrowed = request.mutate().headers((headers) -> headers.setAccept(JSON_ONLY)).build();
		return chain.filter(exchange.mutate().request(narrowed).build());
	}

	@Override
	public int getOrder() {
		// after the shared request limits and an app's own checks of method
		// and path (mcp's 405 for GET comes before a 406), before any handler
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	private static Mono<Void> notAcceptable() {
		return Mono.error(new NotAcceptableStatusException(JSON_ONLY));
	}

}
