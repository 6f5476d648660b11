package dev.todobot.chat.agent;

import java.time.Duration;
import java.util.Map;

import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
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
		try {
			return DefaultMcpClient.builder()
				.transport(transport)
				.clientName("todo-chat")
				.initializationTimeout(this.timeout)
				.toolExecutionTimeout(this.timeout)
				.autoHealthCheck(false)
				.cacheToolList(true)
				.build();
		}
		catch (RuntimeException ex) {
			throw new UpstreamFailureException(UpstreamFailureException.Kind.UNAVAILABLE, Duration.ofSeconds(5),
					"The task service is not reachable right now; try again in a few seconds", ex);
		}
	}

}
