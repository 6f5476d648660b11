package dev.todobot.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
 * One function app running as its own JVM, as it does in the cluster, with its output
 * prefixed by its name. Shared by devstack and by the tests that need a real neighbour
 * function.
 */
public final class FunctionProcess implements AutoCloseable {

	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private final String name;

	private final int port;

	private final Process process;

	private FunctionProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts a function's jar with the same Java that runs devstack.
	 * @param name the function app, such as {@code todo}
	 * @param jar its executable jar
	 * @param port its HTTP port
	 * @param environment its settings
	 * @param out where its output goes
	 * @return the running process
	 */
	public static FunctionProcess start(String name, Path jar, int port, Map<String, String> environment,
			PrintStream out) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B -DskipTests install");
		}
		return start(name, List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString()), port, environment, out);
	}

	/**
	 * Starts a function with a command of its own, such as a JVM inside a sandbox.
	 * @param name the function app, such as {@code todo}
	 * @param command the command line
	 * @param port its HTTP port
	 * @param environment its settings
	 * @param out where its output goes
	 * @return the running process
	 */
	public static FunctionProcess start(String name, List<String> command, int port, Map<String, String> environment,
			PrintStream out) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		Process process = builder.start();
		Thread.ofVirtual().name(name + "-output").start(() -> pump(name, process, out));
		return new FunctionProcess(name, port, process);
	}

	/**
	 * The Java that runs this JVM.
	 * @return the path of its {@code java} command
	 */
	public static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/**
	 * Waits until the function reports itself ready (its database included).
	 * @param timeout how long to wait
	 */
	public void awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			while (Instant.now().isBefore(deadline)) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " stopped with exit code " + this.process.exitValue());
				}
				try {
					if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException(this.name + " was not ready after " + timeout.toSeconds() + " s");
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * The function's name.
	 * @return such as {@code todo}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The operating system's id of the process.
	 * @return its pid
	 */
	public long pid() {
		return this.process.pid();
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
	 * shuts down gracefully), and kills it when it has not stopped within 10 seconds.
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

	private static void pump(String name, Process process, PrintStream out) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.println("[" + name + "] " + line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

}
