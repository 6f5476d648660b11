package dev.todobot.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.todobot.core.db.DatabaseMigrations;
import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.core.testing.FunctionProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole product on one machine: an embedded PostgreSQL whose data is kept between
 * runs, migrated, and each function app as its own process on its own port.
 */
public final class DevStack implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final EmbeddedPostgres postgres;

	private final List<FunctionProcess> functions;

	private final Path dataDirectory;

	private Gateway gateway;

	private DevStack(EmbeddedPostgres postgres, List<FunctionProcess> functions, Path dataDirectory) {
		this.postgres = postgres;
		this.functions = functions;
		this.dataDirectory = dataDirectory;
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		DevStackOptions options;
		try {
			options = DevStackOptions.parse(List.of(args), Path.of(""));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		DevStack stack;
		try {
			stack = start(options, System.out);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("devstack could not start: " + causes(ex));
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping...");
			stack.close();
		}));
		DevStackOptions.Ports ports = options.ports();
		System.out.println();
		System.out.println("Todo Chatbot is running: " + stack.url());
		System.out.println("  todo function  http://localhost:" + ports.todo());
		System.out.println("  mcp function   http://localhost:" + ports.mcp() + "/mcp");
		System.out.println("  chat function  http://localhost:" + ports.chat());
		System.out.println("Data is kept in " + options.dataDirectory() + " (start with --fresh to wipe it).");
		System.out.println("Press Ctrl-C to stop.");
		Thread.currentThread().join();
	}

	/**
	 * Starts the database, the functions and the gateway, and waits until every function
	 * is ready.
	 * @param options how to run
	 * @param out where the functions' output goes
	 * @return the running stack; close it to stop everything
	 */
	public static DevStack start(DevStackOptions options, PrintStream out) throws IOException, InterruptedException {
		if (!Files.isRegularFile(options.webRoot().resolve("index.html"))) {
			throw new IllegalStateException(
					options.webRoot() + " has no web export: build it first with " + "./mvnw -B -DskipTests install");
		}
		DevStackOptions.Ports ports = options.ports();
		Path pgdata = options.dataDirectory().resolve("pgdata");
		for (String leftover : Leftovers.stop(options.dataDirectory())) {
			out.println("Stopped " + leftover + ", left running by an earlier devstack that did not shut down");
		}
		requireFree(ports);
		if (options.fresh()) {
			deleteRecursively(pgdata);
		}
		Files.createDirectories(options.dataDirectory());
		// any free port: the data directory, not the port, is what a second run reuses
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgdata)
			.setCleanDataDirectory(false)
			.start();
		int databasePort = postgres.getPort();
		List<FunctionProcess> functions = new ArrayList<>();
		DevStack stack = new DevStack(postgres, functions, options.dataDirectory());
		try {
			DatabaseMigrations.migrate(
					new DatabaseSettings("localhost", databasePort, "postgres", "postgres", "postgres", "disable"));
			Map<String, String> shared = Map.of("DATABASE_URL",
					"postgres://postgres:postgres@localhost:" + databasePort + "/postgres?sslmode=disable",
					"JWT_SECRET", jwtSecret(options.dataDirectory()));
			functions.add(FunctionProcess.start("todo", jar(options.root(), "todo"), ports.todo(), shared, out));
			functions.add(FunctionProcess.start("mcp", jar(options.root(), "mcp"), ports.mcp(), shared, out));
			Map<String, String> chat = new HashMap<>(shared);
			chat.put("MCP_URL", "http://localhost:" + ports.mcp() + "/mcp");
			functions.add(FunctionProcess.start("chat", jar(options.root(), "chat"), ports.chat(), chat, out));
			Leftovers.record(options.dataDirectory(),
					functions.stream()
						.map((f) -> new Leftovers.RunningFunction(f.name(), f.pid(), jar(options.root(), f.name())))
						.toList());
			for (FunctionProcess function : functions) {
				function.awaitReady(READY_TIMEOUT);
			}
			stack.gateway = new Gateway(ports.gateway(), options.webRoot(),
					List.of(new Gateway.Route("todo", "/api/todo", "http://localhost:" + ports.todo(), true),
							new Gateway.Route("chat", "/api/chat", "http://localhost:" + ports.chat(), true),
							new Gateway.Route("mcp", "/mcp", "http://localhost:" + ports.mcp(), false)));
			return stack;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	/**
	 * The address a person opens: the web UI, with the functions under /api and /mcp.
	 * @return the gateway's URL
	 */
	public String url() {
		return this.gateway.url();
	}

	@Override
	public void close() {
		if (this.gateway != null) {
			this.gateway.close();
		}
		this.functions.reversed().forEach(FunctionProcess::close);
		try {
			Leftovers.forget(this.dataDirectory);
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fails at once when a port is taken, rather than after a function waited in vain.
	 */
	private static void requireFree(DevStackOptions.Ports ports) {
		Map<String, Integer> wanted = new LinkedHashMap<>();
		wanted.put("the web UI", ports.gateway());
		wanted.put("todo", ports.todo());
		wanted.put("mcp", ports.mcp());
		wanted.put("chat", ports.chat());
		wanted.forEach((part, port) -> {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(port));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Port " + port + " (" + part
						+ ") is in use; stop what uses it or choose other ports with --port N (N to N+3)");
			}
		});
	}

	/**
	 * An error and its causes in one line, without stack traces.
	 */
	private static String causes(Throwable error) {
		StringBuilder line = new StringBuilder(String.valueOf(error.getMessage()));
		for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !line.toString().contains(cause.getMessage())) {
				line.append(": ").append(cause.getMessage());
			}
		}
		return line.toString();
	}

	private static Path jar(Path root, String function) {
		return root.resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
	}

	/**
	 * The signing key is made once and kept, so that tokens survive a restart.
	 */
	private static String jwtSecret(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve("jwt-secret");
		if (!Files.exists(file)) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.UTF_8);
		}
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
