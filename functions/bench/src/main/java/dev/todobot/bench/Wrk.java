package dev.todobot.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.todobot.training.Request;

/**
 * wrk, the external load generator (Debian's package {@code wrk}), run beside the
 * benchmark's own: a generator written in C that costs the function's cores less than a
 * JVM does, so that the two figures together show how much of a run the generator took.
 * The request is given to wrk as a Lua script, whose {@code done} hook prints the figures
 * on one line that the benchmark reads, in microseconds as wrk keeps them.
 */
final class Wrk {

	/** The generator's name in the report. */
	static final String GENERATOR = "wrk";

	/** Starts the line the Lua script prints when wrk is done. */
	static final String RESULT = "bench-wrk-result";

	static final String MISSING = "wrk is not installed and the benchmark could not install it: install Debian's "
			+ "package (as root: apt-get install wrk), or measure with the built-in load generator only "
			+ "(--generators built-in)";

	/** Longer than any answer should take: a slower one counts as an error. */
	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private final Path executable;

	private final int threads;

	private final Path work;

	/**
	 * @param executable the wrk program
	 * @param threads wrk's threads
	 * @param work where the scripts and outputs go
	 */
	Wrk(Path executable, int threads, Path work) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, not " + threads);
		}
		this.executable = executable;
		this.threads = threads;
		this.work = work;
	}

	/**
	 * Finds wrk on the {@code PATH}, and installs Debian's package when it is missing and
	 * apt-get can (as root, or through sudo without a password).
	 * @param path the search path ({@code PATH})
	 * @param out where progress is told
	 * @param log where apt-get's output goes
	 * @return the program
	 * @throws IllegalStateException with {@link #MISSING} when there is no wrk after that
	 */
	static Path installed(String path, PrintStream out, Path log) throws IOException, InterruptedException {
		Path wrk = locate(path);
		if (wrk != null) {
			return wrk;
		}
		Path aptGetProgram = locate(path, "apt-get");
		if (aptGetProgram != null) {
			List<String> aptGet = "root".equals(System.getProperty("user.name")) ? List.of(aptGetProgram.toString())
					: List.of("sudo", "-n", aptGetProgram.toString());
			out.println("wrk is missing: installing Debian's package (output in " + log + ")...");
			// an image without package lists (a fresh container) needs an update first
			if (!run(concat(aptGet, "install", "-y", "-q", "wrk"), log) && run(concat(aptGet, "update", "-q"), log)) {
				run(concat(aptGet, "install", "-y", "-q", "wrk"), log);
			}
			wrk = locate(path);
		}
		if (wrk == null) {
			throw new IllegalStateException(MISSING);
		}
		return wrk;
	}

	/**
	 * Finds wrk on a search path.
	 * @param path directories separated as {@code PATH} separates them, or {@code null}
	 * @return the program, or {@code null}
	 */
	static Path locate(String path) {
		return locate(path, "wrk");
	}

	private static Path locate(String path, String program) {
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, program);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static List<String> concat(List<String> command, String... more) {
		List<String> all = new ArrayList<>(command);
		all.addAll(List.of(more));
		return all;
	}

	private static boolean run(List<String> command, Path log) throws IOException, InterruptedException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return false;
		}
		return process.exitValue() == 0;
	}

	/**
	 * Sends the request for a fixed time, from this generator's threads over the
	 * connections.
	 * @param function the function app, for the result
	 * @param request the request
	 * @param port the function's port on the loopback address
	 * @param connections concurrent connections
	 * @param duration how long, in whole seconds (wrk's unit)
	 * @return what wrk measured
	 */
	LoadResult run(String function, Request request, int port, int connections, Duration duration)
			throws IOException, InterruptedException {
		Files.createDirectories(this.work);
		String name = function + "-" + request.name().replaceAll("[^A-Za-z0-9]+", "-");
		Path script = this.work.resolve(name + ".lua");
		Path output = this.work.resolve(name + ".out");
		Files.writeString(script, script(request), StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(command(port, connections, duration, script, request))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("wrk did not end; its output is in " + output);
		}
		String text = Files.readString(output);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("wrk failed with exit code " + process.exitValue() + ": " + text);
		}
		return parse(function, request.name(), connections, text);
	}

	/**
	 * The wrk command line.
	 * @param port the function's port
	 * @param connections concurrent connections
	 * @param duration how long, rounded up to whole seconds
	 * @param script the request's Lua script
	 * @param request the request, for its path
	 * @return the command
	 */
	List<String> command(int port, int connections, Duration duration, Path script, Request request) {
		long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
		// wrk needs at least one connection per thread
		int threads = Math.min(this.threads, connections);
		return List.of(this.executable.toString(), "-t" + threads, "-c" + connections, "-d" + seconds + "s",
				"--timeout", RESPONSE_TIMEOUT.toSeconds() + "s", "-s", script.toString(),
				"http://127.0.0.1:" + port + request.path());
	}

	/**
	 * The Lua script that makes wrk send the request and print its figures.
	 * @param request the request
	 * @return the script
	 */
	static String script(Request request) {
		StringBuilder lua = new StringBuilder();
		lua.append("wrk.method = ").append(quote(request.method())).append('\n');
		lua.append("wrk.body = ").append(quote(request.body())).append('\n');
		if (!request.headers().containsKey("Content-Type") && !request.body().isEmpty()) {
			lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
		}
		if (!request.headers().containsKey("Accept")) {
			lua.append("wrk.headers[\"Accept\"] = \"application/json\"\n");
		}
		request.headers()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((header) -> lua.append("wrk.headers[")
				.append(quote(header.getKey()))
				.append("] = ")
				.append(quote(header.getValue()))
				.append('\n'));
		lua.append("""
				done = function(summary, latency, requests)
				  local e = summary.errors
				  io.write(string.format("%s %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.duration,
				    summary.requests, e.connect, e.read, e.write, e.status, e.timeout,
				    latency:percentile(50), latency:percentile(99), latency.max))
				end
				""".formatted(RESULT));
		return lua.toString();
	}

	/**
	 * Reads wrk's output: the line the script printed when done.
	 * @param function the function app
	 * @param scenario the request's name
	 * @param connections concurrent connections
	 * @param output what wrk printed
	 * @return the result; errors are failed connections, reads and writes, timeouts and
	 * answers other than 2xx or 3xx
	 * @throws IllegalStateException when the output has no such line
	 */
	static LoadResult parse(String function, String scenario, int connections, String output) {
		for (String line : output.split("\n")) {
			if (!line.startsWith(RESULT + " ")) {
				continue;
			}
			String[] words = line.substring(RESULT.length()).trim().split("\\s+");
			long[] values = new long[words.length];
			for (int i = 0; i < words.length; i++) {
				// wrk prints its latency statistics as doubles
				values[i] = Math.round(Double.parseDouble(words[i]));
			}
			double seconds = values[0] / 1e6;
			long requests = values[1];
			long errors = values[2] + values[3] + values[4] + values[5] + values[6];
			double good = Math.max(0, requests - errors);
			return new LoadResult(function, scenario, GENERATOR, connections, round(seconds), requests, errors,
					round(good / seconds), micros(values[7]), micros(values[8]), micros(values[9]), -1);
		}
		throw new IllegalStateException("wrk printed no result: " + output);
	}

	private static double micros(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * A Lua string literal.
	 */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c == '"' || c == '\\') {
				quoted.append('\\').append((char) c);
			}
			else if (c < 0x20 || c >= 0x7f) {
				// a decimal escape is one byte in Lua, so any UTF-8 text survives
				quoted.append(String.format(Locale.ROOT, "\\%03d", c));
			}
			else {
				quoted.append((char) c);
			}
		}
		return quoted.append('"').toString();
	}

}
