package dev.todobot.mcp.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The HTTP side of the Streamable HTTP transport at the MCP endpoint, before the
 * {@code mcp} function runs:
 * <ul>
 * <li>the endpoint is the one path served besides the actuator's probes: any other is 404
 * (Spring Cloud Function would send every path to its only function, past the checks
 * below);</li>
 * <li>only {@code POST} (405 otherwise: no SSE stream to {@code GET}, no session to
 * {@code DELETE});</li>
 * <li>an {@code Origin} that is not allowed is refused with 403 (DNS rebinding);</li>
 * <li>an {@code MCP-Protocol-Version} this server does not speak is refused with
 * 400.</li>
 * </ul>
 * MCP clients accept {@code application/json, text/event-stream}; every reply here is
 * JSON, and todo-core's {@link dev.todobot.core.web.JsonAnswersFilter} narrows
 * {@code Accept} to it (406 for a client that cannot take JSON). Last, the function's
 * {@link McpFunction#STATUS_HEADER} becomes the response status.
 */
public class McpHttpFilter implements WebFilter, Ordered {

	private static final String ACTUATOR = "/actuator";

	private final String path;

	private final ServerTransportSecurityValidator origins;

	/**
	 * @param path the MCP endpoint, such as {@code /mcp}
	 * @param origins checks the {@code Origin} header
	 */
	public McpHttpFilter(String path, ServerTransportSecurityValidator origins) {
		this.path = path;
		this.origins = origins;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String requested = request.getPath().pathWithinApplication().value();
		if (requested.equals(ACTUATOR) || requested.startsWith(ACTUATOR + "/")) {
			return chain.filter(exchange);
		}
		if (!requested.equals(this.path)) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		if (request.getMethod() != HttpMethod.POST) {
			return Mono.error(new MethodNotAllowedException(request.getMethod(), Set.of(HttpMethod.POST)));
		}
		HttpHeaders headers = request.getHeaders();
		List<String> origin = headers.getOrEmpty(HttpHeaders.ORIGIN);
		if (!origin.isEmpty()) {
			try {
				this.origins.validateHeaders(Map.of(HttpHeaders.ORIGIN, origin));
			}
			catch (ServerTransportSecurityException ex) {
				return Mono.error(new ResponseStatusException(HttpStatusCode.valueOf(ex.getStatusCode()),
						"Requests from origin " + origin.getFirst() + " are not allowed"));
			}
		}
		return chain.filter(exchange.mutate().response(new ReplyStatus(exchange.getResponse())).build());
	}

	@Override
	public int getOrder() {
		// after the shared request limits, before any handler
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	/**
	 * Sets the status the function asked for just before the response is written.
	 */
	private static final class ReplyStatus extends ServerHttpResponseDecorator {

		ReplyStatus(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			applyStatus();
			return super.writeWith(body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			applyStatus();
			return super.writeAndFlushWith(body);
		}

		@Override
		public Mono<Void> setComplete() {
			applyStatus();
			return super.setComplete();
		}

		private void applyStatus() {
			String status = getHeaders().getFirst(McpFunction.STATUS_HEADER);
			if (status != null) {
				getHeaders().remove(McpFunction.STATUS_HEADER);
				setStatusCode(HttpStatusCode.valueOf(Integer.parseInt(status)));
			}
		}

	}

}
