package dev.todobot.training;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.todobot.core.db.DatabaseMigrations;
import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.launcher.FunctionProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Records a function's JDK AOT cache (JEP 483/514/515) while the function serves a
 * realistic workload, so that the cache holds what the first real request needs, not only
 * what the start needs: the classes of every route, loaded and linked, and their method
 * profiles. functions/Dockerfile runs it in the runtime stage, and the benchmark trains
 * its AOT mode with it.
 *
 * <pre>
 * java -jar aot-training.jar --function todo -- java -XX:AOTCacheOutput=app.aot -jar app.jar
 * </pre>
 *
 * It starts an embedded PostgreSQL, migrates it, adds a training user, starts the command
 * after {@code --} (for chat, an mcp function from {@code --mcp-jar} first) with
 * {@code PORT}, {@code DATABASE_URL}, {@code JWT_SECRET} and {@code MCP_URL} set, sends
 * the workload, and stops the function with SIGTERM, which makes the JVM write the cache.
 * Nothing of it stays: the database lives in the temporary directory and the settings in
 * the processes' environments.
 */
public final class AotTraining {

	/** Rounds of the workload unless {@code --rounds} says otherwise. */
	public static final int DEFAULT_ROUNDS = 20;

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

	private static final String USAGE = """
			Usage: java -jar aot-training.jar --function todo|mcp|chat|reminders [--mcp-jar MCP_JAR] [--rounds 20] \\
			         -- COMMAND...
			  runs COMMAND (a function that writes its AOT cache when it exits, such as
			  java -XX:AOTCacheOutput=app.aot -jar app.jar) in the current directory through the
			  training workload on an embedded PostgreSQL; chat also needs the mcp function's jar
			""";

	private AotTraining() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		String function = null;
		Path mcpJar = null;
		int rounds = DEFAULT_ROUNDS;
		List<String> command = List.of();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--")) {
				command = List.of(args).subList(i + 1, args.length);
				break;
			}
			if (i + 1 >= args.length) {
				usage("missing value of " + args[i]);
			}
			switch (args[i]) {
				case "--function" -> function = args[++i];
				case "--mcp-jar" -> mcpJar = Path.of(args[++i]);
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				default -> usage("unknown option " + args[i]);
			}
		}
		if (function == null || !List.of("todo", "mcp", "chat", "reminders").contains(function) || command.isEmpty()) {
			usage("--function (todo, mcp, chat or reminders) and a command after -- are required");
		}
		if (function.equals("chat") && (mcpJar == null || !Files.isRegularFile(mcpJar))) {
			usage("chat calls the mcp function: give its jar with --mcp-jar");
		}
		Path log = Files.createTempFile("aot-training-" + function, ".log");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			DatabaseSettings database = DatabaseSettings.embedded(postgres.getPort());
			Map<String, String> environment = prepare(database);
			String token = Workload.trainingUser(database);
			FunctionProcess mcp = null;
			try {
				if (function.equals("chat")) {
					mcp = startMcp(mcpJar, environment, Files.createTempFile("aot-training-mcp", ".log"));
					environment.put("MCP_URL", "http://127.0.0.1:" + mcp.port() + "/mcp");
				}
				Result result = record(function, new ProcessBuilder(command), environment, token, rounds, log);
				result.print(System.out);
				if (result.failed()) {
					throw new IllegalStateException("the training workload mostly failed");
				}
			}
			finally {
				if (mcp != null) {
					mcp.close();
				}
			}
		}
		catch (RuntimeException | IOException ex) {
			System.err.println("AOT training of " + function + " failed: " + ex.getMessage());
			System.err.println("Last lines of " + log + ":");
			List<String> lines = Files.readAllLines(log);
			lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.err::println);
			System.exit(1);
		}
		Files.deleteIfExists(log);
	}

	/**
	 * Runs a function through the workload and stops it, so that it writes its AOT cache.
	 * @param function todo, mcp or chat
	 * @param command the function's command, recording its cache at exit, and its
	 * directory
	 * @param environment its database and JWT settings (and chat's {@code MCP_URL})
	 * @param token a bearer token of a user in that database, signed with
	 * {@link Workload#JWT_SECRET}
	 * @param rounds rounds of the workload
	 * @param log where the function's output goes
	 * @return what the workload saw
	 */
	public static Result record(String function, ProcessBuilder command, Map<String, String> environment, String token,
			int rounds, Path log) throws IOException, InterruptedException {
		FunctionProcess.withoutOutsideSettings(command.environment());
		FunctionProcess process = FunctionProcess.start(function, command, freePort(), environment, log);
		Workload.Outcome outcome;
		long start = System.nanoTime();
		try {
			process.awaitReady(START_TIMEOUT);
			outcome = Workload.run(function, process.port(), token, rounds);
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			process.close();
			throw ex;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int exit = process.stop(STOP_TIMEOUT);
		// 143: stopped by SIGTERM, as asked
		if (exit != 0 && exit != 143) {
			throw new IllegalStateException(function + " exited with code " + exit + " while writing its AOT cache");
		}
		return new Result(function, rounds, outcome.requests(), outcome.surprises(), seconds);
	}

	/**
	 * Migrates the training database.
	 * @param database an empty database
	 * @return the environment a function needs to use it
	 * @see #environment(DatabaseSettings)
	 */
	public static Map<String, String> prepare(DatabaseSettings database) {
		DatabaseMigrations.migrate(database);
		return environment(database);
	}

	/**
	 * What a function needs to serve the workload from a migrated database.
	 * @param database the training database
	 * @return {@code DATABASE_URL} and {@code JWT_SECRET}, in a map that takes more
	 */
	public static Map<String, String> environment(DatabaseSettings database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("DATABASE_URL", database.url());
		environment.put("JWT_SECRET", Workload.JWT_SECRET);
		return environment;
	}

	/**
	 * Starts the mcp function that chat's training calls.
	 * @param jar the mcp function's jar
	 * @param environment its database and JWT settings
	 * @param log where its output goes
	 * @return the ready function
	 */
	public static FunctionProcess startMcp(Path jar, Map<String, String> environment, Path log)
			throws IOException, InterruptedException {
		ProcessBuilder command = new ProcessBuilder(FunctionProcess.java(), "-jar", jar.toAbsolutePath().toString());
		FunctionProcess.withoutOutsideSettings(command.environment());
		FunctionProcess mcp = FunctionProcess.start("mcp", command, freePort(), environment, log);
		mcp.awaitReady(START_TIMEOUT);
		return mcp;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void usage(String problem) {
		System.err.println(problem);
		System.err.print(USAGE);
		System.exit(2);
	}

	/**
	 * What a training run saw.
	 *
	 * @param function the function
	 * @param rounds rounds of the workload
	 * @param requests requests sent
	 * @param surprises requests answered with another status than expected, described
	 * @param seconds how long the workload took
	 */
	public record Result(String function, int rounds, int requests, List<String> surprises, double seconds) {

		/**
		 * Whether the workload went wrong: a changed route may surprise it now and then,
		 * a broken function on most requests.
		 * @return {@code true} when half of the requests or more were surprises
		 */
		public boolean failed() {
			return this.surprises.size() * 2 >= this.requests;
		}

		public void print(PrintStream out) {
			out.printf(Locale.ROOT, "AOT training of %s: %d requests in %d rounds, %.1f s, %d unexpected answers%n",
					this.function, this.requests, this.rounds, this.seconds, this.surprises.size());
			this.surprises.stream().limit(10).forEach((surprise) -> out.println("  unexpected: " + surprise));
		}

	}

}
