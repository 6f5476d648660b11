package dev.todobot.mcp.protocol;

import java.util.List;

import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import reactor.core.publisher.Mono;

/**
 * The stateless transport the SDK's server is built on. It does no I/O itself: it keeps
 * the handler the server registers, and {@link McpFunction} hands it each message that
 * Spring Cloud Function receives.
 */
public class FunctionServerTransport implements McpStatelessServerTransport {

	/**
	 * The protocol revisions spoken, oldest first: the SDK answers an {@code initialize}
	 * asking for any other revision with the last one.
	 */
	private static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2025_03_26,
			ProtocolVersions.MCP_2025_06_18);

	private volatile McpStatelessServerHandler handler;

	@Override
	public void setMcpHandler(McpStatelessServerHandler handler) {
		this.handler = handler;
	}

	/**
	 * The handler of the server built on this transport.
	 * @return the handler
	 * @throws IllegalStateException before a server was built on this transport
	 */
	public McpStatelessServerHandler handler() {
		McpStatelessServerHandler current = this.handler;
		if (current == null) {
			throw new IllegalStateException("No MCP server was built on this transport");
		}
		return current;
	}

	@Override
	public List<String> protocolVersions() {
		return PROTOCOL_VERSIONS;
	}

	@Override
	public Mono<Void> closeGracefully() {
		// no connections to close: every exchange is one HTTP request
		return Mono.empty();
	}

}
