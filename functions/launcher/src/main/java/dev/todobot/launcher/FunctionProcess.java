package dev.todobot.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function app running as its own JVM, as it does in the cluster, listening on the
 * loopback interface only, with its output written to a log file. Shared by devstack, the
 * AOT training, the benchmark and the tests that need a real neighbour function.
 * <p>
 * The output goes straight to the file and no thread of ours reads it: a reader blocked
 * on an idle pipe once held every carrier thread of the virtual-thread scheduler and so
 * stalled devstack's gateway, and a reader that falls behind blocks the function's
 * logging.
 */
public final class FunctionProcess implements AutoCloseable {

	/**
	 * How long a function may take to stop after SIGTERM before it is killed: the
	 * functions shut down gracefully, which on a busy shared machine can take seconds.
	 */
	static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private static final Duration READINESS_POLL = Duration.ofMillis(250);

	private static final int LOG_LINES_ON_FAILURE = 20;

	private final String name;

	private final int port;

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private FunctionProcess(String name, int port, Process process, long startedNanos, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	/**
	 * Starts a function's jar with the same Java that runs the caller.
	 * @param name the function app, such as {@code todo}
	 * @param jar its executable jar
	 * @param port its HTTP port, on 127.0.0.1
	 * @param environment its settings
	 * @param log the file its output goes to, replaced if it exists
	 * @return the running process
	 */
	public static FunctionProcess start(String name, Path jar, int port, Map<String, String> environment, Path log)
			throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B -DskipTests install");
		}
		// as in the image: C1 only, so a function starts sooner; native access for
		// Netty's transport, so that the JVM does not warn about it; Unsafe for Netty's
		// buffers, which Netty 4.2 leaves alone on Java 25 unless its memory access is
		// allowed
		return start(name, List.of(java(), "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
				"--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString()), port, environment, log);
	}

	/**
	 * Starts a function with a command of its own, such as a JVM inside a sandbox.
	 * @param name the function app, such as {@code todo}
	 * @param command the command line
	 * @param port its HTTP port, on 127.0.0.1
	 * @param environment its settings
	 * @param log the file its output goes to, replaced if it exists
	 * @return the running process
	 */
	public static FunctionProcess start(String name, List<String> command, int port, Map<String, String> environment,
			Path log) throws IOException {
		return start(name, new ProcessBuilder(command), port, environment, log);
	}

	/**
	 * Starts a function with a command, directory and environment the caller prepared,
	 * such as a JVM in an extracted jar's directory without the caller's JVM options.
	 * @param name the function app, such as {@code todo}
	 * @param builder the command, its directory and its environment
	 * @param port its HTTP port, on 127.0.0.1
	 * @param environment more settings, on top of the builder's environment
	 * @param log the file its output goes to, replaced if it exists
	 * @return the running process
	 */
	public static FunctionProcess start(String name, ProcessBuilder builder, int port, Map<String, String> environment,
			Path log) throws IOException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		builder.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
		long started = System.nanoTime();
		return new FunctionProcess(name, port, builder.start(), started, log);
	}

	/**
	 * The Java that runs this JVM.
	 * @return the path of its {@code java} command
	 */
	public static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/**
	 * Removes settings of the caller's shell that would change what a function does: a
	 * model key (chat would call a real model), a CloudEvents sink and another database.
	 * The JVM options (such as an image's {@code JAVA_TOOL_OPTIONS}) stay. For the runs
	 * that measure or train a function; devstack passes the caller's settings on.
	 * @param environment a process builder's environment
	 */
	public static void withoutOutsideSettings(Map<String, String> environment) {
		environment.keySet()
			.removeIf((key) -> key.startsWith("OPENAI_") || key.startsWith("DB_") || key.equals("DATABASE_URL")
					|| key.equals("K_SINK") || key.equals("MCP_URL") || key.equals("JWT_SECRET"));
	}

	/**
	 * Waits until the function reports itself ready (its database included).
	 * @param timeout how long to wait
	 * @throws IllegalStateException when it stopped or was not ready in time, with the
	 * end of its log
	 */
	public void awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			while (Instant.now().isBefore(deadline)) {
				requireRunning();
				try {
					if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(READINESS_POLL);
			}
		}
		throw new IllegalStateException(this.name + " was not ready after " + timeout.toSeconds() + " s" + logTail());
	}

	/**
	 * Checks that the process still runs.
	 * @throws IllegalStateException when it stopped, with its exit code and the end of
	 * its log
	 */
	public void requireRunning() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(
					this.name + " stopped with exit code " + this.process.exitValue() + logTail());
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The function's name.
	 * @return such as {@code todo}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Its HTTP port on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The operating system's id of the process.
	 * @return its pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * When the process was started, for measuring its start.
	 * @return a {@link System#nanoTime()} reading taken just before the start
	 */
	public long startedNanos() {
		return this.startedNanos;
	}

	/**
	 * The file its output goes to.
	 * @return the log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * Asks the process to stop (SIGTERM) and waits until it has, for a run whose exit
	 * matters, such as one that writes its AOT cache when it exits.
	 * @param timeout how long to wait
	 * @return its exit code
	 * @throws IllegalStateException when it did not stop in time; it is killed then
	 */
	public int stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new IllegalStateException(this.name + " did not stop within " + timeout.toSeconds() + " s");
		}
		return this.process.exitValue();
	}

	@Override
	public void close() {
		try {
			stop(this.process.toHandle());
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops a process the way a function expects: asks it to stop (SIGTERM, so that it
	 * shuts down gracefully), and kills it when it has not stopped within the grace
	 * period.
	 * @param process the process, a child or not
	 */
	public static void stop(ProcessHandle process) throws InterruptedException {
		process.destroy();
		try {
			process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			process.destroyForcibly();
			process.onExit().join();
		}
	}

	private String logTail() {
		try {
			List<String> lines = new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8).lines().toList();
			return "; the end of its log (" + this.log + "):\n  " + String.join("\n  ",
					lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
