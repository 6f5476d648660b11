package dev.todobot.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What to measure and how hard.
 *
 * @param root the repository root (the jars are under functions/NAME/target)
 * @param functions the function apps, in order
 * @param variants the launch modes (and experimental variants) to time
 * @param runs fresh processes per function and mode
 * @param connections concurrent connections of the load runs
 * @param duration length of each measured load run
 * @param warmup unmeasured load before each measured run
 * @param generators the load generators of the load runs, each run in turn:
 * {@value Load#GENERATOR} (the benchmark's own) and {@value Wrk#GENERATOR}
 * @param wrkThreads wrk's threads
 * @param requests requests before the "after requests" memory reading
 * @param jvmOptions JVM options of every function process (the image's by default)
 * @param functionJvmOptions JVM options the chart adds for one function, by function
 * @param memory the container memory limit the JVMs are told about, or {@code null}
 * @param environment extra settings of every function process, for experiments
 * @param training how the AOT caches of the launch modes are trained: {@code refresh} or
 * {@code workload}
 * @param trainingRounds rounds of the training workload
 * @param phases which parts run: {@code cold} (cold starts) and {@code load}
 * @param waitForLoad wait (up to 10 minutes) for the 1-minute load average to drop to
 * this before starting; 0 to start at once
 * @param loadVariant the variant the load runs use (the image's: {@code aot})
 * @param output where the report goes
 * @param publish whether to copy the report and the chart to functions/bench/results
 * @param compare another repository root whose function jars are loaded in the same run,
 * taking turns with this one's, or {@code null}: a before and after on a busy machine
 * @param rounds how often each load run is repeated (taking turns with the compared jars)
 */
record BenchOptions(Path root, List<String> functions, List<Variant> variants, int runs, int connections,
		Duration duration, Duration warmup, List<String> generators, int wrkThreads, int requests,
		List<String> jvmOptions, Map<String, List<String>> functionJvmOptions, String memory,
		Map<String, String> environment, String training, int trainingRounds, List<String> phases, double waitForLoad,
		String loadVariant, Path output, boolean publish, Path compare, int rounds) {

	static final List<String> ALL_FUNCTIONS = List.of("todo", "mcp", "chat");

	static final List<String> ALL_GENERATORS = List.of(Load.GENERATOR, Wrk.GENERATOR);

	/** Used when functions/Dockerfile cannot be read. */
	static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:-UsePerfData";

	private static final Pattern TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

	static final String USAGE = """
			Usage: java -jar functions/bench/target/bench.jar [options]   (from the repository root)

			  --functions todo,mcp,chat     the functions to measure
			  --modes fat,extracted,aot     the launch modes to time from a cold start
			  --runs 5                      fresh processes per function and mode
			  --connections 32              concurrent connections of the load runs
			  --duration 20s                length of each measured load run
			  --warmup 10s                  unmeasured load before each measured run
			  --generators built-in,wrk     the load generators, each measured in turn (wrk is
			                                installed with apt-get when missing)
			  --wrk-threads 2               wrk's threads
			  --requests 10000              requests before the second memory reading
			  --memory 256m                 the pod's memory limit, passed as -XX:MaxRAM; 'host' for none
			  --jvm-options "..."           JVM options (default: JAVA_TOOL_OPTIONS of functions/Dockerfile)
			  --env NAME=VALUE              an extra setting of every function (repeatable), for experiments
			  --training workload           how the AOT caches are trained: workload (as functions/Dockerfile) or refresh
			  --variant 'ID=MODE[/TRAINING] OPTS'  also time a mode with more JVM options (repeatable), for
			                                experiments, e.g. --variant 'c1=aot -XX:TieredStopAtLevel=1'
			  --training-rounds 20          rounds of the training workload
			  --phases cold,load             cold starts, load runs, or both
			  --wait-for-load 0             first wait (up to 10 min) for the 1-min load average to drop to this
			  --load-variant aot            the mode or variant the load runs use
			  --root .                      the repository whose jars and functions/Dockerfile are measured
			  --output target/bench         where results.md, results.json and cold-start.svg go
			  --publish                     also copy them to functions/bench/results
			  --compare DIR                 also load the jars of another checkout (built the same way) in
			                                the same run, the two taking turns: a before and after
			  --rounds 1                    how often each load run is repeated, taking turns
			""";

	BenchOptions {
		if (runs < 1) {
			throw new IllegalArgumentException("--runs must be at least 1");
		}
		if (connections < 1) {
			throw new IllegalArgumentException("--connections must be at least 1");
		}
		if (functions.isEmpty() || !ALL_FUNCTIONS.containsAll(functions)) {
			throw new IllegalArgumentException("--functions takes todo, mcp and chat, not " + functions);
		}
		if (generators.isEmpty() || !ALL_GENERATORS.containsAll(generators)) {
			throw new IllegalArgumentException("--generators takes built-in and wrk, not " + generators);
		}
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1");
		}
		if (wrkThreads < 1) {
			throw new IllegalArgumentException("--wrk-threads must be at least 1");
		}
		if (variants.isEmpty()) {
			throw new IllegalArgumentException("--modes takes fat, extracted and aot");
		}
	}

	/**
	 * Reads the command line.
	 * @param args the arguments
	 * @param root the repository root
	 * @return the options
	 * @throws IllegalArgumentException for an unknown or malformed option
	 */
	static BenchOptions parse(List<String> args, Path workingDirectory) {
		Path root = workingDirectory;
		List<String> functions = ALL_FUNCTIONS;
		List<LaunchMode> modes = List.of(LaunchMode.values());
		List<String> variantSpecs = new ArrayList<>();
		int runs = 5;
		int connections = 32;
		Duration duration = Duration.ofSeconds(20);
		Duration warmup = Duration.ofSeconds(10);
		List<String> generators = ALL_GENERATORS;
		int wrkThreads = 2;
		int requests = 10_000;
		String memory = "256m";
		List<String> jvmOptions = null;
		Map<String, String> environment = new LinkedHashMap<>();
		String training = "workload";
		int trainingRounds = 20;
		List<String> phases = List.of("cold", "load");
		double waitForLoad = 0;
		String loadVariant = LaunchMode.AOT.id();
		Path output = null;
		boolean publish = false;
		Path compare = null;
		int rounds = 1;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--publish")) {
				publish = true;
				continue;
			}
			if (i + 1 >= args.size()) {
				throw new IllegalArgumentException("unknown option or missing value: " + arg + "\n\n" + USAGE);
			}
			String value = args.get(++i);
			switch (arg) {
				case "--functions" -> functions = list(value);
				case "--modes" -> modes = list(value).stream().map(LaunchMode::of).toList();
				case "--runs" -> runs = Integer.parseInt(value);
				case "--connections" -> connections = Integer.parseInt(value);
				case "--duration" -> duration = duration(value);
				case "--warmup" -> warmup = duration(value);
				case "--generators" -> generators = list(value);
				case "--wrk-threads" -> wrkThreads = Integer.parseInt(value);
				case "--requests" -> requests = Integer.parseInt(value);
				case "--memory" -> memory = value.equals("host") ? null : value;
				case "--jvm-options" -> jvmOptions = words(value);
				case "--env" -> {
					int equals = value.indexOf('=');
					if (equals < 1) {
						throw new IllegalArgumentException("--env takes NAME=VALUE, not " + value);
					}
					environment.put(value.substring(0, equals), value.substring(equals + 1));
				}
				case "--variant" -> variantSpecs.add(value);
				case "--training" -> training = value;
				case "--training-rounds" -> trainingRounds = Integer.parseInt(value);
				case "--phases" -> phases = list(value);
				case "--wait-for-load" -> waitForLoad = Double.parseDouble(value);
				case "--load-variant" -> loadVariant = value;
				case "--output" -> output = Path.of(value).toAbsolutePath();
				case "--root" -> root = Path.of(value).toAbsolutePath();
				case "--compare" -> compare = Path.of(value).toAbsolutePath();
				case "--rounds" -> rounds = Integer.parseInt(value);
				default -> throw new IllegalArgumentException("unknown option " + arg + "\n\n" + USAGE);
			}
		}
		if (output == null) {
			output = root.resolve("target").resolve("bench");
		}
		if (jvmOptions == null) {
			jvmOptions = imageJvmOptions(root.resolve("functions").resolve("Dockerfile"));
		}
		List<Variant> variants = new ArrayList<>();
		for (LaunchMode mode : modes) {
			variants.add(Variant.of(mode, training));
		}
		for (String spec : variantSpecs) {
			variants.add(Variant.parse(spec, training));
		}
		return new BenchOptions(root, functions, List.copyOf(variants), runs, connections, duration, warmup, generators,
				wrkThreads, requests, jvmOptions,
				chartJvmOptions(root.resolve("charts").resolve("todo-app").resolve("values.yaml")), memory,
				Map.copyOf(environment), training, trainingRounds, phases, waitForLoad, loadVariant, output, publish,
				compare, rounds);
	}

	/**
	 * The options every function process gets: the image's, and the pod's memory limit.
	 * @return the JVM options
	 */
	List<String> processJvmOptions() {
		List<String> options = new ArrayList<>(this.jvmOptions);
		if (this.memory != null) {
			options.add("-XX:MaxRAM=" + this.memory);
		}
		return options;
	}

	/**
	 * The options one function's processes get: every function's, and those the chart
	 * adds for this one.
	 * @param function the function
	 * @return the JVM options
	 */
	List<String> processJvmOptions(String function) {
		List<String> options = processJvmOptions();
		options.addAll(this.functionJvmOptions.getOrDefault(function, List.of()));
		return options;
	}

	Path jar(String function) {
		return jar(this.root, function);
	}

	static Path jar(Path root, String function) {
		return root.resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
	}

	/**
	 * The JAVA_TOOL_OPTIONS the image sets, so that the benchmark runs what the cluster
	 * runs.
	 * @param dockerfile functions/Dockerfile
	 * @return its options, or {@link #DEFAULT_JVM_OPTIONS} when it cannot be read
	 */
	static List<String> imageJvmOptions(Path dockerfile) {
		if (!Files.isRegularFile(dockerfile)) {
			return words(DEFAULT_JVM_OPTIONS);
		}
		try {
			Matcher matcher = TOOL_OPTIONS.matcher(Files.readString(dockerfile));
			return words(matcher.find() ? matcher.group(1) : DEFAULT_JVM_OPTIONS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JVM options the chart adds for each function (its {@code jvmOptions} value,
	 * which the function's pod gets as {@code JDK_JAVA_OPTIONS}), so that each function
	 * runs as its pod does.
	 * @param values the chart's values.yaml
	 * @return the options by function; empty when the file is missing
	 */
	static Map<String, List<String>> chartJvmOptions(Path values) {
		if (!Files.isRegularFile(values)) {
			return Map.of();
		}
		try (Reader reader = Files.newBufferedReader(values)) {
			if (!(new Yaml().load(reader) instanceof Map<?, ?> chart)) {
				return Map.of();
			}
			Map<String, List<String>> options = new LinkedHashMap<>();
			for (String function : ALL_FUNCTIONS) {
				if (chart.get(function) instanceof Map<?, ?> settings
						&& settings.get("jvmOptions") instanceof String added && !added.isBlank()) {
					options.put(function, words(added));
				}
			}
			return Collections.unmodifiableMap(options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Duration duration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s")) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
		}
		if (value.endsWith("m")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
		}
		throw new IllegalArgumentException("a duration such as 20s, 500ms or 1m, not '" + text + "'");
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	private static List<String> words(String value) {
		return Arrays.stream(value.trim().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

}
