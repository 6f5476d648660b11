package dev.todobot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.todobot.launcher.FunctionProcess;
import dev.todobot.training.Workload;

/**
 * One function app and the files each launch mode needs: its executable jar, the
 * extracted layout and the AOT cache, made the way functions/Dockerfile makes them.
 */
final class FunctionApp {

	/** The image's extracted jar is renamed to this, and the cache sits next to it. */
	private static final String APP_JAR = "app.jar";

	private final String name;

	private final Path jar;

	private final Path extracted;

	private final List<String> jvmOptions;

	private final Path logs;

	private final Map<String, Double> trainingSeconds = new LinkedHashMap<>();

	FunctionApp(String name, Path jar, Path work, List<String> jvmOptions, Path logs) {
		this.name = name;
		this.jar = jar;
		this.extracted = work.resolve(name);
		this.jvmOptions = List.copyOf(jvmOptions);
		this.logs = logs;
	}

	String name() {
		return this.name;
	}

	/**
	 * How long each variant's AOT training took.
	 * @return seconds by variant id
	 */
	Map<String, Double> trainingSeconds() {
		return this.trainingSeconds;
	}

	/**
	 * Extracts the jar and trains the AOT caches, when the variants need them.
	 * @param variants the variants that will run
	 * @param trainer records an AOT cache
	 */
	void prepare(List<Variant> variants, Trainer trainer) throws IOException, InterruptedException {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(
					this.jar + " is missing: build it first with ./mvnw -B -DskipTests install");
		}
		if (variants.stream().allMatch((variant) -> variant.mode() == LaunchMode.FAT)) {
			return;
		}
		deleteRecursively(this.extracted);
		Files.createDirectories(this.extracted.getParent());
		run("extract", List.of(FunctionProcess.java(), "-Djarmode=tools", "-jar", this.jar.toString(), "extract",
				"--destination", this.extracted.toString()), this.extracted.getParent(), Map.of());
		Files.move(this.extracted.resolve(this.name + ".jar"), this.extracted.resolve(APP_JAR));
		for (Variant variant : variants) {
			if (variant.mode() != LaunchMode.AOT) {
				continue;
			}
			long start = System.nanoTime();
			trainer.train(this, variant);
			this.trainingSeconds.put(variant.id(), Math.round((System.nanoTime() - start) / 1e8) / 10.0);
			if (!Files.isRegularFile(this.extracted.resolve(variant.cacheFile()))) {
				throw new IllegalStateException("the training run of " + this.name + " wrote no AOT cache; see "
						+ log("train-" + variant.id()));
			}
		}
	}

	/**
	 * The training run of functions/Dockerfile: start the application context and exit on
	 * refresh, recording what it loaded and linked. Like the image build, it has no
	 * database: Hibernate is told not to read JDBC metadata, and the settings below exist
	 * only for this run.
	 * @param variant the variant whose cache is trained
	 */
	void trainOnRefresh(Variant variant) throws IOException, InterruptedException {
		run("train-" + variant.id(),
				recording(variant,
						List.of("-Dspring.context.exit=onRefresh", "-Dhibernate.boot.allow_jdbc_metadata_access=false",
								"-Dhibernate.dialect=org.hibernate.dialect.PostgreSQLDialect")),
				this.extracted,
				Map.of("JWT_SECRET", Workload.JWT_SECRET, "DATABASE_URL",
						"postgresql://training:training@127.0.0.1:5432/training", "MCP_URL",
						"http://127.0.0.1:8080/mcp"));
	}

	/**
	 * The command of a training run: the function with its JVM options, recording an AOT
	 * cache when it exits.
	 * @param variant the variant whose cache is trained
	 * @param extra more options
	 * @return the command, to run in the extracted directory
	 */
	List<String> recording(Variant variant, List<String> extra) {
		List<String> command = new ArrayList<>();
		command.add(FunctionProcess.java());
		command.addAll(this.jvmOptions);
		command.addAll(variant.jvmOptions());
		command.add("-XX:AOTCacheOutput=" + variant.cacheFile());
		command.addAll(extra);
		command.addAll(List.of("-jar", APP_JAR));
		return command;
	}

	Path extracted() {
		return this.extracted;
	}

	Path log(String step) {
		return this.logs.resolve(this.name + "-" + step + ".log");
	}

	/**
	 * Records a function's AOT cache.
	 */
	@FunctionalInterface
	interface Trainer {

		void train(FunctionApp app, Variant variant) throws IOException, InterruptedException;

	}

	/**
	 * The command that starts the function as a variant, and where it runs.
	 * @param variant the variant
	 * @return the command
	 */
	ProcessBuilder launch(Variant variant) {
		List<String> command = new ArrayList<>();
		command.add(FunctionProcess.java());
		command.addAll(this.jvmOptions);
		command.addAll(variant.jvmOptions());
		Path directory = this.extracted;
		switch (variant.mode()) {
			case FAT -> {
				command.addAll(List.of("-jar", this.jar.toAbsolutePath().toString()));
				directory = this.jar.getParent();
			}
			case EXTRACTED -> command.addAll(List.of("-jar", APP_JAR));
			case AOT -> command.addAll(List.of("-XX:AOTCache=" + variant.cacheFile(), "-jar", APP_JAR));
		}
		return new ProcessBuilder(command).directory(directory.toFile());
	}

	/**
	 * Starts the function as a variant, with the benchmark's JVM options only: JVM
	 * options of the caller's shell are dropped.
	 * @param variant how to start it
	 * @param port its HTTP port
	 * @param environment its settings
	 * @param log where its output goes
	 * @return the process, started
	 */
	FunctionProcess start(Variant variant, int port, Map<String, String> environment, Path log) throws IOException {
		ProcessBuilder builder = launch(variant);
		FunctionProcess.withoutOutsideSettings(builder.environment());
		withoutJvmOptions(builder.environment());
		return FunctionProcess.start(this.name, builder, port, environment, log);
	}

	static void withoutJvmOptions(Map<String, String> environment) {
		environment.keySet()
			.removeIf((key) -> key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS")
					|| key.equals("_JAVA_OPTIONS"));
	}

	private void run(String step, List<String> command, Path directory, Map<String, String> environment)
			throws IOException, InterruptedException {
		Path log = log(step);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		FunctionProcess.withoutOutsideSettings(builder.environment());
		withoutJvmOptions(builder.environment());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(step + " of " + this.name + " took over 5 minutes; see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					step + " of " + this.name + " failed with exit code " + process.exitValue() + "; see " + log);
		}
	}

	static void deleteRecursively(Path directory) throws IOException {
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
