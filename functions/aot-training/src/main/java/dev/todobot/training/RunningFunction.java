package dev.todobot.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A function app's JVM, started by the benchmark or the AOT training, with its output in
 * a log file.
 */
public final class RunningFunction implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(10);

	private static final Duration STOP_GRACE = Duration.ofSeconds(15);

	/** USER_HZ, which Linux fixes at 100 for /proc. */
	private static final long CLOCK_TICKS_PER_SECOND = 100;

	private final String name;

	private final int port;

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private RunningFunction(String name, int port, Process process, long startedNanos, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	/**
	 * Starts a function.
	 * @param name the function app
	 * @param builder the command and its directory
	 * @param port its HTTP port
	 * @param environment its settings
	 * @param log where its output goes
	 * @return the process, started
	 */
	public static RunningFunction start(String name, ProcessBuilder builder, int port, Map<String, String> environment,
			Path log) throws IOException {
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		withoutOutsideSettings(builder.environment());
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		long started = System.nanoTime();
		Process process = builder.start();
		return new RunningFunction(name, port, process, started, log);
	}

	/**
	 * Removes settings of the caller's shell that would change what a function does: a
	 * model key (chat would call a real model), a CloudEvents sink and another database.
	 * The JVM options (such as an image's {@code JAVA_TOOL_OPTIONS}) stay.
	 * @param environment a process builder's environment
	 */
	public static void withoutOutsideSettings(Map<String, String> environment) {
		environment.keySet()
			.removeIf((key) -> key.startsWith("OPENAI_") || key.startsWith("DB_") || key.equals("DATABASE_URL")
					|| key.equals("K_SINK") || key.equals("MCP_URL") || key.equals("JWT_SECRET"));
	}

	public int port() {
		return this.port;
	}

	/**
	 * Sends the request every few milliseconds until it is answered with a 200 that
	 * contains its marker.
	 * @param request the first real request
	 * @param timeout how long to wait at most
	 * @return the answer, and the time from process start to it
	 */
	public FirstAnswer awaitFirstAnswer(Request request, Duration timeout) throws InterruptedException {
		byte[] bytes = request.encode(this.port);
		byte[] marker = request.markerBytes();
		long deadline = this.startedNanos + timeout.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " stopped with exit code " + this.process.exitValue() + "; see " + this.log);
			}
			try (HttpConnection connection = HttpConnection.open(this.port, timeout)) {
				HttpResponse response = connection.exchange(bytes);
				long answered = System.nanoTime();
				if (response.status() == 200 && response.contains(marker)) {
					return new FirstAnswer(Duration.ofNanos(answered - this.startedNanos), response);
				}
				last = response.status() + " " + response.text();
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(POLL);
		}
		throw new IllegalStateException(this.name + " did not answer " + request.name() + " within "
				+ timeout.toSeconds() + " s (last: " + abbreviate(last) + "); see " + this.log);
	}

	/**
	 * The resident set size now.
	 * @return VmRSS in KiB
	 */
	public long rssKiB() {
		return status("VmRSS:");
	}

	/**
	 * The anonymous part of the resident set: the heap, the code cache, thread stacks and
	 * other memory of the process's own, without the mapped files (the AOT cache, the
	 * JDK's libraries) whose clean pages the kernel can drop and share.
	 * @return RssAnon in KiB
	 */
	public long rssAnonKiB() {
		return status("RssAnon:");
	}

	/**
	 * The largest resident set size so far.
	 * @return VmHWM in KiB
	 */
	public long peakRssKiB() {
		return status("VmHWM:");
	}

	/**
	 * The CPU time the process used so far, all threads, user and system.
	 * @return milliseconds, at the kernel's clock tick resolution (usually 10 ms)
	 */
	public long cpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(this.process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of stat(5), counted from the state (field 3) here
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private long status(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Asks the process to stop (SIGTERM) and waits until it has.
	 * @param timeout how long to wait
	 * @return its exit code
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
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The first good answer of a process.
	 *
	 * @param elapsed the time from process start to it
	 * @param response the answer
	 */
	public record FirstAnswer(Duration elapsed, HttpResponse response) {

	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
