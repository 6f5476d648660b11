package dev.todobot.chat.agent;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.service.tool.ToolProvider;
import dev.todobot.core.error.UpstreamFailureException;

/**
 * Opens an MCP client to the mcp function that carries one caller's bearer token. A
 * client lives for one chat turn and serves one user: no token can reach another user's
 * tool call, because no client is ever shared. Only the HTTP connections underneath are:
 * they carry no caller.
 */
public class McpConnector implements AutoCloseable {

	private final URI url;

	private final Duration timeout;

	private final HttpClient http;

	/**
	 * @param url the mcp function's endpoint, such as {@code http://localhost:8082/mcp}
	 * @param timeout how long one MCP request may take
	 */
	public McpConnector(String url, Duration timeout) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("MCP_URL must be set to the mcp function's /mcp endpoint");
		}
		this.url = URI.create(url);
		this.timeout = timeout;
		// one client for every turn: connections to the mcp function are kept and reused
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	/**
	 * Connects as the caller.
	 * @param authorization the caller's {@code Authorization} header value
	 * @return an initialized client; close it after the turn
	 * @throws UpstreamFailureException when the mcp function cannot be reached
	 */
	McpClient connect(String authorization) {
		McpTransport transport = new SharedHttpMcpTransport(this.http, this.url, Map.of("Authorization", authorization),
				this.timeout);
		McpClient client = null;
		try {
			client = DefaultMcpClient.builder()
				.transport(transport)
				.clientName("todo-chat")
				.initializationTimeout(this.timeout)
				.toolExecutionTimeout(this.timeout)
				.autoHealthCheck(false)
				.cacheToolList(true)
				.build();
			// listed now, and cached for the turn: a client that cannot list them fails
			// here
			if (client.listTools().isEmpty()) {
				throw new IllegalStateException("the mcp function offers no tools");
			}
			return client;
		}
		catch (RuntimeException ex) {
			closeQuietly(client);
			throw unreachable(ex);
		}
	}

	/**
	 * The tools of a connected client, failing the turn when they cannot be listed: a
	 * turn without its tools would only confuse the model.
	 */
	ToolProvider tools(McpClient client) {
		ToolProvider tools = McpToolProvider.builder().mcpClients(client).failIfOneServerFails(true).build();
		return (request) -> {
			try {
				return tools.provideTools(request);
			}
			catch (RuntimeException ex) {
				throw unreachable(ex);
			}
		};
	}

	/**
	 * Closes the shared connections when the function stops.
	 */
	@Override
	public void close() {
		this.http.close();
	}

	private static void closeQuietly(McpClient client) {
		if (client != null) {
			try {
				client.close();
			}
			catch (Exception ex) {
				// the connection is already broken
			}
		}
	}

	private static UpstreamFailureException unreachable(RuntimeException cause) {
		return new UpstreamFailureException(UpstreamFailureException.Kind.UNAVAILABLE, Duration.ofSeconds(5),
				"The task service is not reachable right now; try again in a few seconds", cause);
	}

}
