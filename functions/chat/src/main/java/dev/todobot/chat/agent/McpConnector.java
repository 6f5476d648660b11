package dev.todobot.chat.agent;

import java.time.Duration;
import java.util.Map;

import dev.langchain4j.mcp.McpToolProvider;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolProvider;
import dev.todobot.core.error.UpstreamFailureException;

/**
 * Opens an MCP client to the mcp function that carries one caller's bearer token. A
 * client lives for one chat turn and serves one user: no token can reach another user's
 * tool call, because no client is ever shared.
 */
public class McpConnector {

	private final String url;

	private final Duration timeout;

	/**
	 * @param url the mcp function's endpoint, such as {@code http://localhost:8082/mcp}
	 * @param timeout how long one MCP request may take
	 */
	public McpConnector(String url, Duration timeout) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("MCP_URL must be set to the mcp function's /mcp endpoint");
		}
		this.url = url;
		this.timeout = timeout;
	}

	/**
	 * Connects as the caller.
	 * @param authorization the caller's {@code Authorization} header value
	 * @return an initialized client; close it after the turn
	 * @throws UpstreamFailureException when the mcp function cannot be reached
	 */
	McpClient connect(String authorization) {
		StreamableHttpMcpTransport transport = StreamableHttpMcpTransport.builder()
			.url(this.url)
			.customHeaders(Map.of("Authorization", authorization))
			.timeout(this.timeout)
			.build();
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
