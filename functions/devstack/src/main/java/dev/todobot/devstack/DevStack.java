package dev.todobot.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

import dev.todobot.core.db.DatabaseMigrations;
import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.launcher.FunctionProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.util.FileSystemUtils;

/**
 * The whole product on one machine: an embedded PostgreSQL whose data is kept between
 * runs, migrated, and each function app as its own process on its own port.
 */
public final class DevStack implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	/**
	 * A stack that was asked to stop takes its functions' 10 s grace, and PostgreSQL's.
	 */
	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private static final Path NGINX_TEMPLATE = Path.of("web", "nginx", "default.conf.template");

	/** PingSource's schedule in the chart: every minute. */
	private static final Duration TICK = Duration.ofMinutes(1);

	private static final Pattern WARNING = Pattern.compile("\\b(WARN|WARNING|ERROR)\\b");

	private final DataDirectoryLock lock;

	private final Path dataDirectory;

	private final List<FunctionProcess> functions = new ArrayList<>();

	private EmbeddedPostgres postgres;

	private Gateway gateway;

	private LocalBroker broker;

	private boolean closed;

	private DevStack(DataDirectoryLock lock, Path dataDirectory) {
		this.lock = lock;
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
			stack = run(options, System.out);
		}
		catch (CancellationException ex) {
			// stopped by Ctrl-C or SIGTERM while it started: the shutdown hook says so
			return;
		}
		catch (Exception ex) {
			System.err.println("devstack could not start: " + causes(ex));
			System.exit(1);
			return;
		}
		System.out.println();
		System.out.println("Todo Chatbot is running: " + stack.url());
		System.out.println("Data is kept in " + options.dataDirectory() + " (start with --fresh to wipe it).");
		System.out.println("Press Ctrl-C to stop.");
		Thread.currentThread().join();
	}

	/**
	 * Starts the stack as the run command does: a Ctrl-C or SIGTERM stops every part
	 * already started, also while the others are still starting.
	 * @param options how to run
	 * @param out where progress goes
	 * @return the running stack
	 */
	static DevStack run(DevStackOptions options, PrintStream out) throws Exception {
		DevStack stack = open(options);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("Stopping...");
			stack.close();
		}));
		return stack.startParts(options, out);
	}

	/**
	 * Starts the database, the functions and the gateway, and waits until every function
	 * is ready.
	 * @param options how to run
	 * @param out where progress goes: a line per part started, and the functions'
	 * warnings
	 * @return the running stack; close it to stop everything
	 */
	public static DevStack start(DevStackOptions options, PrintStream out) throws Exception {
		return open(options).startParts(options, out);
	}

	private static DevStack open(DevStackOptions options) throws Exception {
		if (!Files.isRegularFile(options.webRoot().resolve("index.html"))) {
			throw new IllegalStateException(
					options.webRoot() + " has no web export: build it first with " + "./mvnw -B -DskipTests install");
		}
		Files.createDirectories(options.dataDirectory());
		return new DevStack(DataDirectoryLock.acquire(options.dataDirectory(), STOP_WAIT), options.dataDirectory());
	}

	private DevStack startParts(DevStackOptions options, PrintStream out) throws Exception {
		try {
			WebServerConfig web = WebServerConfig.read(options.root().resolve(NGINX_TEMPLATE));
			DevStackOptions.Ports ports = options.ports();
			Path pgdata = options.dataDirectory().resolve("pgdata");
			for (String leftover : Leftovers.stop(options.dataDirectory())) {
				out.println("Stopped " + leftover + ", left running by an earlier devstack that did not shut down");
			}
			requireFree(ports);
			if (options.fresh()) {
				FileSystemUtils.deleteRecursively(pgdata);
			}
			// any free port: the data directory, not the port, is what a second run
			// reuses
			EmbeddedPostgres postgres = adopt(
					EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false).start());
			DatabaseSettings database = DatabaseSettings.embedded(postgres.getPort());
			DatabaseMigrations.migrate(database);
			out.println("PostgreSQL started, its data in " + pgdata);
			Map<String, String> shared = Map.of("DATABASE_URL", database.url(), "JWT_SECRET",
					jwtSecret(options.dataDirectory()));
			Path logs = options.dataDirectory().resolve("logs");
			// Knative's Broker, Triggers and PingSource: the K_SINK of todo, mcp and
			// reminders
			LocalBroker broker = adopt(new LocalBroker(Subscriptions.read(options.root().resolve(Subscriptions.FILE)),
					"http://127.0.0.1:" + ports.reminders()));
			// in this order, so that chat is given the address of an mcp already started
			for (Map.Entry<String, Integer> function : ports.functions().entrySet()) {
				String name = function.getKey();
				Map<String, String> environment = new HashMap<>(shared);
				if (name.equals("chat")) {
					environment.put("MCP_URL", urls().get("mcp") + "/mcp");
				}
				if (name.equals("todo") || name.equals("mcp") || name.equals("reminders")) {
					environment.put("K_SINK", broker.url());
				}
				adopt(FunctionProcess.start(name, jar(options.root(), name), function.getValue(), environment,
						logs.resolve(name + ".log")));
			}
			Leftovers.record(options.dataDirectory(),
					this.functions.stream()
						.map((f) -> new Leftovers.RunningFunction(f.name(), f.pid(), jar(options.root(), f.name())))
						.toList());
			for (FunctionProcess function : this.functions) {
				function.awaitReady(READY_TIMEOUT);
				out.println(function.name() + " function started: " + function.url()
						+ (function.name().equals("mcp") ? "/mcp" : ""));
				warnings(function.log()).forEach((line) -> out.println("  [" + function.name() + "] " + line));
			}
			out.println("Their logs are in " + logs);
			broker.tick(TICK, Clock.systemUTC());
			out.println("Events go to the reminders function by "
					+ options.root().relativize(options.root().resolve(Subscriptions.FILE))
					+ ", and it is ticked every minute");
			adopt(new Gateway(ports.gateway(), options.webRoot(), web, urls()));
			return this;
		}
		catch (Exception ex) {
			boolean stopped = isClosed();
			close();
			if (stopped) {
				throw new CancellationException("devstack was stopped while it started");
			}
			throw ex;
		}
	}

	private synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Takes a part that has started into the stack, so that closing the stack stops it; a
	 * part that starts after the stack was closed (a SIGTERM during start-up) is stopped
	 * at once.
	 */
	private synchronized <T extends AutoCloseable> T adopt(T part) throws Exception {
		if (this.closed) {
			part.close();
			throw new CancellationException("devstack was stopped while it started");
		}
		switch (part) {
			case EmbeddedPostgres database -> this.postgres = database;
			case FunctionProcess function -> this.functions.add(function);
			case Gateway started -> this.gateway = started;
			case LocalBroker started -> this.broker = started;
			default -> throw new IllegalArgumentException("Not a part of the stack: " + part);
		}
		return part;
	}

	/**
	 * Each function's address, by name.
	 */
	private synchronized Map<String, String> urls() {
		Map<String, String> urls = new HashMap<>();
		this.functions.forEach((function) -> urls.put(function.name(), function.url()));
		return urls;
	}

	/**
	 * Where the local broker takes events: the functions' {@code K_SINK}.
	 * @return its URL
	 */
	synchronized String brokerUrl() {
		return this.broker.url();
	}

	/**
	 * The address a person opens: the web UI, with the functions under /api and /mcp.
	 * @return the gateway's URL
	 */
	public String url() {
		return this.gateway.url();
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try (this.lock) {
			this.lock.stopping();
			// each part is stopped even when stopping an earlier one failed
			try {
				if (this.gateway != null) {
					this.gateway.close();
				}
			}
			finally {
				try {
					// no more ticks or deliveries to functions that are stopping
					if (this.broker != null) {
						this.broker.close();
					}
					this.functions.reversed().forEach(FunctionProcess::close);
					Leftovers.forget(this.dataDirectory);
				}
				finally {
					if (this.postgres != null) {
						this.postgres.close();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The warnings and errors a function logged while it started.
	 */
	private static List<String> warnings(Path log) throws IOException {
		return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
			.filter((line) -> WARNING.matcher(line).find())
			.toList();
	}

	/**
	 * Fails at once when a port is taken, rather than after a function waited in vain.
	 */
	private static void requireFree(DevStackOptions.Ports ports) {
		Map<String, Integer> wanted = new LinkedHashMap<>();
		wanted.put("the web UI", ports.gateway());
		wanted.putAll(ports.functions());
		wanted.forEach((part, port) -> {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(port));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Port " + port + " (" + part
						+ ") is in use; stop what uses it or choose other ports with --port N (N to N+4)");
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
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.UTF_8);
		}
		// a key file made before it was created owner-only, too
		Files.setPosixFilePermissions(file, OWNER_ONLY);
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

}
