package dev.todobot.chat.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.transport.McpOperationHandler;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.protocol.McpClientMessage;
import dev.langchain4j.mcp.protocol.McpInitializationNotification;
import dev.langchain4j.mcp.protocol.McpInitializeRequest;
import dev.langchain4j.mcp.protocol.McpJsonRpcMessage;

/**
 * The Streamable HTTP transport of one MCP client (one turn, one caller's headers) over
 * an {@link HttpClient} that all clients share, so that turns reuse connections to the
 * mcp function and leave nothing behind. langchain4j-mcp's own transport builds an
 * {@code HttpClient} per client and cannot close it on JDK 21+ (it calls {@code close()}
 * reflectively on a class that {@code java.net.http} does not export and ignores the
 * failure): each turn left a client, its selector thread and its buffers to the garbage
 * collector and the JDK's cleaner, which under load fell behind until the heap ran out.
 * <p>
 * The mcp function is stateless and answers every request with JSON (or 202 to a
 * notification), so that is all this transport reads.
 */
class SharedHttpMcpTransport implements McpTransport {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http;

	private final URI url;

	private final Map<String, String> headers;

	private final Duration timeout;

	private volatile McpOperationHandler operations;

	/**
	 * @param http the shared client
	 * @param url the mcp function's endpoint
	 * @param headers sent with every request, such as the caller's {@code Authorization}
	 * @param timeout how long one request may take
	 */
	SharedHttpMcpTransport(HttpClient http, URI url, Map<String, String> headers, Duration timeout) {
		this.http = http;
		this.url = url;
		this.headers = Map.copyOf(headers);
		this.timeout = timeout;
	}

	@Override
	public void start(McpOperationHandler messageHandler) {
		this.operations = messageHandler;
	}

	@Override
	public CompletableFuture<JsonNode> initialize(McpInitializeRequest request) {
		return send(request).thenCompose(
				(initialized) -> send(new McpInitializationNotification()).thenApply((ignored) -> initialized));
	}

	@Override
	public CompletableFuture<JsonNode> executeOperationWithResponse(McpClientMessage request) {
		return send(request);
	}

	@Override
	public CompletableFuture<JsonNode> executeOperationWithResponse(McpCallContext context) {
		return send(context.message());
	}

	@Override
	public void executeOperationWithoutResponse(McpClientMessage request) {
		send(request);
	}

	@Override
	public void executeOperationWithoutResponse(McpCallContext context) {
		send(context.message());
	}

	@Override
	public void checkHealth() {
		// a client lives for one turn: nothing to watch
	}

	@Override
	public void onFailure(Runnable actionOnFailure) {
		// no long-lived stream that could fail
	}

	@Override
	public void close() {
		// the shared HttpClient stays open for the next turns
	}

	/**
	 * Posts a message. A request's answer goes to the operation handler, which completes
	 * the future it was registered with; a notification's future completes on 202.
	 */
	private CompletableFuture<JsonNode> send(McpJsonRpcMessage message) {
		CompletableFuture<JsonNode> result = new CompletableFuture<>();
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(this.url)
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
		}
		catch (JsonProcessingException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		this.headers.forEach(request::header);
		Long id = message.getId();
		if (id != null) {
			this.operations.startOperation(id, result);
		}
		this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.whenComplete((response, failure) -> {
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else if (response.statusCode() < 200 || response.statusCode() > 299) {
					result.completeExceptionally(new IOException("Unexpected status code: " + response.statusCode()));
				}
				else if (id == null) {
					result.complete(null);
				}
				else {
					answer(response, result);
				}
			});
		return result;
	}

	private void answer(HttpResponse<String> response, CompletableFuture<JsonNode> result) {
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (!type.startsWith("application/json")) {
			result.completeExceptionally(new IOException("The mcp function answered " + type + ", not JSON"));
			return;
		}
		try {
			this.operations.handle(JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			result.completeExceptionally(ex);
		}
		// an answer to another request id leaves this one unanswered: the client waits
		// for
		// some answers without a timeout of its own, so fail it rather than hang the turn
		if (!result.isDone()) {
			result.completeExceptionally(new IOException("The mcp function's answer did not match the request"));
		}
	}

}
