package dev.todobot.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.launcher.FunctionProcess;

/**
 * The real mcp function, started once per test JVM from its built jar, on the embedded
 * database.
 */
final class McpServer {

	private static FunctionProcess process;

	private McpServer() {
	}

	/**
	 * Starts the mcp function on first use.
	 * @return its MCP endpoint
	 */
	static synchronized String url() {
		if (process == null) {
			try {
				int port;
				try (ServerSocket socket = new ServerSocket(0)) {
					port = socket.getLocalPort();
				}
				process = FunctionProcess.start("mcp", Path.of("..", "mcp", "target", "mcp.jar").toAbsolutePath(), port,
						Map.of("DATABASE_URL", EmbeddedDatabase.url(), "JWT_SECRET", EmbeddedDatabase.JWT_SECRET),
						Path.of("target", "mcp.log"));
				Runtime.getRuntime().addShutdownHook(new Thread(process::close));
				process.awaitReady(Duration.ofMinutes(2));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return process.url() + "/mcp";
	}

}
