package dev.todobot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.todobot.core.db.DatabaseMigrations;
import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.launcher.FunctionProcess;
import dev.todobot.training.AotTraining;
import dev.todobot.training.HttpConnection;
import dev.todobot.training.HttpResponse;
import dev.todobot.training.Request;
import dev.todobot.training.Workload;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: cold start, memory and throughput of the todo, mcp and chat functions on
 * this machine, each function a JVM of its own on an embedded PostgreSQL, the way the
 * images start them. Writes results.md, results.json and cold-start.svg.
 */
public final class Bench {

	/** The cold start targets the chart marks, in milliseconds. */
	static final Map<String, Double> TARGETS_MS = Map.of("todo", 1000.0, "mcp", 1000.0, "chat", 1500.0);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private static final String JWT_SECRET = "benchmark-secret-that-is-long-enough-for-hs256";

	private static final int TASKS = 20;

	private final BenchOptions options;

	private final PrintStream out;

	private final Path logs;

	private final Map<String, FunctionApp> apps = new LinkedHashMap<>();

	/** The functions of --compare's checkout, by function. */
	private final Map<String, FunctionApp> compared = new LinkedHashMap<>();

	private final Variant loadVariant;

	private final int mcpPort = freePort();

	private DatabaseSettings database;

	private Requests requests;

	private String trainingToken;

	private Wrk wrk;

	private Bench(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.logs = options.output().resolve("logs");
		this.loadVariant = options.variants()
			.stream()
			.filter((variant) -> variant.id().equals(options.loadVariant()))
			.findFirst()
			.orElse(options.variants().getLast());
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(List.of(args), Path.of("").toAbsolutePath());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		new Bench(options, System.out).run();
	}

	private void run() throws IOException, InterruptedException {
		if (this.options.waitForLoad() > 0) {
			waitForQuiet(this.options.waitForLoad());
		}
		if (this.options.phases().contains("load") && this.options.generators().contains(Wrk.GENERATOR)) {
			// before anything else, so that a missing wrk fails the run at once
			this.wrk = new Wrk(Wrk.installed(System.getenv("PATH"), this.out, this.logs.resolve("apt-get.log")),
					this.options.wrkThreads(), this.options.output().resolve("wrk"));
		}
		double loadBefore = Machine.load();
		String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		Files.createDirectories(this.logs);
		this.out.printf(Locale.ROOT, "Load average before the run: %.2f. JVM options: %s%s%s%n", loadBefore,
				String.join(" ", this.options.processJvmOptions()),
				Report.functionJvmOptions(this.options.functionJvmOptions()),
				this.options.environment().isEmpty() ? "" : ". Extra settings: " + this.options.environment());
		Map<String, Double> training = new LinkedHashMap<>();
		List<ColdStart> coldStarts = new ArrayList<>();
		List<MemoryUse> memory = new ArrayList<>();
		List<LoadResult> throughput = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			DatabaseSettings database = DatabaseSettings.embedded(postgres.getPort());
			DatabaseMigrations.migrate(database);
			this.database = database;
			this.trainingToken = Workload.trainingUser(database);
			prepare(training);
			this.requests = seed();
			for (String function : this.options.functions()) {
				if (this.options.phases().contains("cold")) {
					coldStarts.addAll(coldStarts(function));
				}
			}
			for (String function : this.options.functions()) {
				if (this.options.phases().contains("load")) {
					load(function, memory, throughput);
				}
			}
		}
		BenchReport report = new BenchReport(date, Machine.describe(loadBefore, Machine.load()),
				this.options.processJvmOptions(), this.options.functionJvmOptions(), this.options.environment(),
				this.options.runs(), training, coldStarts, memory, throughput);
		Report writer = new Report(report, this.options.functions(), this.options.variants());
		writer.write(this.options.output());
		this.out.println();
		this.out.print(writer.markdown());
		this.out.println();
		this.out.println("Written to " + this.options.output().toAbsolutePath().normalize() + " (" + Report.MARKDOWN
				+ ", " + Report.JSON + ", " + Report.CHART + ")");
		if (this.options.publish()) {
			Path results = this.options.root().resolve("functions").resolve("bench").resolve("results");
			Files.createDirectories(results);
			for (String file : List.of(Report.MARKDOWN, Report.JSON, Report.CHART)) {
				Files.copy(this.options.output().resolve(file), results.resolve(file),
						StandardCopyOption.REPLACE_EXISTING);
			}
			this.out.println("Copied to " + results);
		}
	}

	/**
	 * Waits up to ten minutes for the 1-minute load average to drop to a level, so that a
	 * shared machine's other work disturbs the figures less.
	 */
	private void waitForQuiet(double level) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		double load = Machine.load();
		while (load > level && System.nanoTime() < deadline) {
			this.out.printf(Locale.ROOT, "Load average %.2f, waiting for %.2f...%n", load, level);
			Thread.sleep(Duration.ofSeconds(15));
			load = Machine.load();
		}
	}

	/**
	 * Extracts and trains every function that runs, including the ones the measured
	 * functions need: todo signs the user up, chat calls mcp.
	 */
	private void prepare(Map<String, Double> training) throws IOException, InterruptedException {
		Set<String> needed = new LinkedHashSet<>(List.of("todo"));
		needed.addAll(this.options.functions());
		if (needed.contains("chat")) {
			needed.add("mcp");
		}
		Path work = this.options.output().resolve("work");
		for (String function : BenchOptions.ALL_FUNCTIONS) {
			if (!needed.contains(function)) {
				continue;
			}
			FunctionApp app = new FunctionApp(function, this.options.jar(function), work,
					this.options.processJvmOptions(function), this.logs);
			List<Variant> variants = new ArrayList<>(
					this.options.functions().contains(function) ? this.options.variants() : List.of());
			if (!variants.contains(this.loadVariant)) {
				variants.add(this.loadVariant);
			}
			this.out.printf(Locale.ROOT, "Preparing %s (%s)...%n", function,
					String.join(", ", variants.stream().map(Variant::label).toList()));
			app.prepare(variants, (target, variant) -> {
				if (variant.training().equals("workload")) {
					trainWithWorkload(target, variant);
				}
				else {
					target.trainOnRefresh(variant);
				}
			});
			app.trainingSeconds().forEach((variant, seconds) -> {
				training.put(function + " " + variant, seconds);
				this.out.printf(Locale.ROOT, "  AOT cache of %s trained in %.1f s%n", variant, seconds);
			});
			this.apps.put(function, app);
			if (this.options.compare() != null && this.options.functions().contains(function)
					&& this.options.phases().contains("load")) {
				FunctionApp other = new FunctionApp(function, BenchOptions.jar(this.options.compare(), function),
						this.options.output().resolve("work-compare"), this.options.processJvmOptions(function),
						Files.createDirectories(this.logs.resolve("compare")));
				this.out.printf(Locale.ROOT, "Preparing %s of %s...%n", function, this.options.compare());
				other.prepare(List.of(this.loadVariant), (target, variant) -> {
					if (variant.training().equals("workload")) {
						trainWithWorkload(target, variant);
					}
					else {
						target.trainOnRefresh(variant);
					}
				});
				this.compared.put(function, other);
			}
		}
	}

	/**
	 * Records a function's AOT cache while it serves the training workload on the
	 * benchmark's database, then stops it so that the JVM writes the cache.
	 */
	private void trainWithWorkload(FunctionApp app, Variant variant) throws IOException, InterruptedException {
		Map<String, String> environment = AotTraining.environment(this.database);
		FunctionProcess mcp = null;
		try {
			if (app.name().equals("chat")) {
				mcp = this.apps.get("mcp")
					.start(Variant.of(LaunchMode.EXTRACTED, "refresh"), freePort(), environment,
							this.logs.resolve("mcp-for-chat-training.log"));
				mcp.awaitReady(START_TIMEOUT);
				environment.put("MCP_URL", mcp.url() + "/mcp");
			}
			ProcessBuilder recording = new ProcessBuilder(app.recording(variant, List.of()))
				.directory(app.extracted().toFile());
			FunctionApp.withoutJvmOptions(recording.environment());
			AotTraining.Result result = AotTraining.record(app.name(), recording, environment, this.trainingToken,
					this.options.trainingRounds(), app.log("train-" + variant.id()));
			result.print(this.out);
			if (result.failed()) {
				throw new IllegalStateException("the training workload of " + app.name() + " mostly failed; see "
						+ app.log("train-" + variant.id()));
			}
		}
		finally {
			if (mcp != null) {
				mcp.close();
			}
		}
	}

	/**
	 * Signs up two users through the todo function, one with the tasks every list reads
	 * and one that receives the added tasks, so that the lists stay the same size.
	 */
	private Requests seed() throws IOException, InterruptedException {
		try (FunctionProcess todo = start("todo", this.loadVariant, "seed")) {
			String suffix = Long.toString(System.currentTimeMillis(), 36);
			String reader = token(FirstAnswer.await(todo, signUp("bench-reader-" + suffix), START_TIMEOUT).response());
			String writer = token(FirstAnswer.await(todo, signUp("bench-writer-" + suffix), START_TIMEOUT).response());
			try (HttpConnection connection = HttpConnection.open(todo.port(), Duration.ofSeconds(30))) {
				for (int i = 1; i <= TASKS; i++) {
					String body = String.format(Locale.ROOT,
							"{\"title\":\"Benchmark task %d\",\"description\":\"seeded by the benchmark\","
									+ "\"priority\":\"%s\",\"tags\":[\"bench\"],\"dueDate\":\"2030-01-%02d\"}",
							i, List.of("low", "medium", "high").get(i % 3), i);
					HttpResponse response = connection
						.exchange(Request.post("addTask", "/addTask", body, "").withBearer(reader).encode(todo.port()));
					if (response.status() != 200) {
						throw new IllegalStateException(
								"addTask answered " + response.status() + ": " + response.text());
					}
				}
			}
			return new Requests(reader, writer);
		}
	}

	private static Request signUp(String name) {
		return Request.post("signup", "/signup",
				"{\"email\":\"" + name + "@example.com\",\"password\":\"benchmark-password\",\"name\":\"Bench\"}",
				"\"token\"");
	}

	private static String token(HttpResponse response) {
		return JsonMapper.builder().build().readTree(response.body()).get("token").asString();
	}

	private List<ColdStart> coldStarts(String function) throws IOException, InterruptedException {
		try (FunctionProcess mcp = function.equals("chat") ? startMcp() : null) {
			Request first = this.requests.first(function);
			Map<Variant, List<Double>> times = new LinkedHashMap<>();
			Map<Variant, List<Double>> rss = new HashMap<>();
			Map<Variant, List<Double>> cpu = new HashMap<>();
			// one unrecorded start per mode first, so that every timed start finds the
			// files
			// in the page cache; then the modes take turns, so that a slow spell of a
			// shared
			// machine does not fall on one mode only
			for (int run = 0; run <= this.options.runs(); run++) {
				for (Variant mode : this.options.variants()) {
					try (FunctionProcess process = start(function, mode, mode.id() + "-" + run)) {
						double ms = FirstAnswer.await(process, first, START_TIMEOUT).elapsed().toNanos() / 1e6;
						ProcessUse use = new ProcessUse(process.pid());
						double mib = use.rssKiB() / 1024.0;
						double cpuMs = use.cpuMillis();
						if (run == 0) {
							this.out.printf(Locale.ROOT, "%s, %s, page cache warm-up: %.0f ms%n", function,
									mode.label(), ms);
							continue;
						}
						times.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(round(ms));
						rss.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(mib);
						cpu.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(cpuMs);
						this.out.printf(Locale.ROOT,
								"%s, %s, run %d: %.0f ms to the first %s (CPU %.0f ms), RSS %.0f MiB%n", function,
								mode.label(), run, ms, first.name(), cpuMs, mib);
					}
				}
			}
			List<ColdStart> results = new ArrayList<>();
			times.forEach((mode, ms) -> {
				double[] values = ms.stream().mapToDouble(Double::doubleValue).toArray();
				double[] memory = rss.get(mode).stream().mapToDouble(Double::doubleValue).toArray();
				double[] cpuTimes = cpu.get(mode).stream().mapToDouble(Double::doubleValue).toArray();
				results.add(new ColdStart(function, mode.id(), this.requests.description(function), ms,
						round(Stats.median(values)), Stats.max(values), round(Stats.median(memory)),
						round(Stats.median(cpuTimes))));
			});
			return results;
		}
	}

	private void load(String function, List<MemoryUse> memory, List<LoadResult> throughput)
			throws IOException, InterruptedException {
		// with --compare, the compared checkout's function first (the before), and the
		// two
		// take turns in every round
		Map<String, FunctionApp> builds = new LinkedHashMap<>();
		if (this.compared.containsKey(function)) {
			builds.put(function + " (" + this.options.compare().getFileName() + ")", this.compared.get(function));
		}
		builds.put(function, this.apps.get(function));
		Map<String, FunctionProcess> running = new LinkedHashMap<>();
		try (FunctionProcess mcp = function.equals("chat") ? startMcp() : null) {
			int index = 0;
			for (Map.Entry<String, FunctionApp> build : builds.entrySet()) {
				String label = (index++ == 0) ? "load" : "load-" + index;
				running.put(build.getKey(), start(build.getValue(), function, this.loadVariant, label));
			}
			Request first = this.requests.first(function);
			// each build answers once before any is loaded: the start timeout runs from
			// the process's start, and 10,000 chat turns of the build before outlast it
			Map<String, Double> afterStarts = new LinkedHashMap<>();
			for (Map.Entry<String, FunctionProcess> build : running.entrySet()) {
				FunctionProcess process = build.getValue();
				FirstAnswer.await(process, first, START_TIMEOUT);
				afterStarts.put(build.getKey(), new ProcessUse(process.pid()).rssKiB() / 1024.0);
			}
			Map<String, double[]> readings = new LinkedHashMap<>();
			for (Map.Entry<String, FunctionProcess> build : running.entrySet()) {
				FunctionProcess process = build.getValue();
				ProcessUse use = new ProcessUse(process.pid());
				double afterStart = afterStarts.get(build.getKey());
				LoadResult warm = new Load(process.port(), this.options.connections()).forCount(function, first,
						this.options.requests());
				double afterRequests = use.rssKiB() / 1024.0;
				readings.put(build.getKey(), new double[] { afterStart, afterRequests, use.rssAnonKiB() / 1024.0 });
				this.out.printf(Locale.ROOT,
						"%s: %,d %s requests (%d errors), RSS %.0f MiB after start, %.0f MiB after%n", build.getKey(),
						warm.requests(), first.name(), warm.errors(), afterStart, afterRequests);
			}
			for (int round = 1; round <= this.options.rounds(); round++) {
				for (Request request : this.requests.scenarios(function)) {
					for (Map.Entry<String, FunctionProcess> build : running.entrySet()) {
						throughput.addAll(loadRuns(build.getKey(), function, request, build.getValue()));
					}
				}
			}
			for (Map.Entry<String, FunctionProcess> build : running.entrySet()) {
				ProcessUse use = new ProcessUse(build.getValue().pid());
				double[] reading = readings.get(build.getKey());
				memory.add(new MemoryUse(build.getKey(), this.loadVariant.id(), round(reading[0]), round(reading[1]),
						round(reading[2]), this.options.requests(), round(use.rssKiB() / 1024.0),
						round(use.peakRssKiB() / 1024.0)));
			}
		}
		finally {
			for (FunctionProcess process : running.values()) {
				process.close();
			}
		}
	}

	/**
	 * The load runs of one request, one per load generator.
	 * @param label the function, as the report names it
	 */
	private List<LoadResult> loadRuns(String label, String function, Request request, FunctionProcess process)
			throws IOException, InterruptedException {
		List<LoadResult> results = new ArrayList<>();
		ProcessUse use = new ProcessUse(process.pid());
		analyze();
		for (String generator : this.options.generators()) {
			if (generator.equals(Wrk.GENERATOR) && !Requests.measuredByWrk(function)) {
				continue;
			}
			LoadResult result = generator.equals(Wrk.GENERATOR) ? withWrk(label, request, process.port(), use)
					: withBuiltIn(new Load(process.port(), this.options.connections()), label, request, use);
			this.out.printf(Locale.ROOT,
					"%s %s, %s: %,.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors, CPU %.0f µs/request (load %.2f)%n",
					label, request.name(), generator, result.requestsPerSecond(), result.p50Ms(), result.p99Ms(),
					result.errors(), result.cpuUsPerRequest(), Machine.load());
			results.add(result);
		}
		return results;
	}

	/**
	 * Refreshes PostgreSQL's statistics of the tables, as autovacuum would within a
	 * minute of many changes. The {@code addTask} runs insert tens of thousands of tasks
	 * in seconds; a list planned on the statistics from before them walked the primary
	 * key backwards past all of them (5 ms a query instead of 0.1), and the load runs
	 * that came next (mcp's) measured that plan, not the function: 131 requests/s instead
	 * of 1,200.
	 */
	private void analyze() {
		try (Connection connection = DriverManager.getConnection(this.database.jdbcUrl(), this.database.user(),
				this.database.password()); Statement statement = connection.createStatement()) {
			statement.execute("analyze");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not analyze the benchmark's database: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A measured run of the built-in generator, after its warm-up.
	 */
	private LoadResult withBuiltIn(Load load, String function, Request request, ProcessUse use)
			throws InterruptedException {
		if (!this.options.warmup().isZero()) {
			load.forDuration(function, request, this.options.warmup());
		}
		long cpu = use.cpuMillis();
		LoadResult result = load.forDuration(function, request, this.options.duration());
		return result.withCpu(use.cpuMillis() - cpu);
	}

	/**
	 * A measured run of wrk, after its own warm-up: each generator warms up before it is
	 * measured, so that neither finds the other's connections or JIT state only.
	 */
	private LoadResult withWrk(String function, Request request, int port, ProcessUse use)
			throws IOException, InterruptedException {
		if (!this.options.warmup().isZero()) {
			this.wrk.run(function, request, port, this.options.connections(), this.options.warmup());
		}
		long cpu = use.cpuMillis();
		LoadResult result = this.wrk.run(function, request, port, this.options.connections(), this.options.duration());
		return result.withCpu(use.cpuMillis() - cpu);
	}

	private FunctionProcess startMcp() throws IOException, InterruptedException {
		FunctionProcess mcp = start("mcp", this.loadVariant, "for-chat");
		FirstAnswer.await(mcp, this.requests.first("mcp"), START_TIMEOUT);
		return mcp;
	}

	private FunctionProcess start(String function, Variant variant, String label) throws IOException {
		return start(this.apps.get(function), function, variant, label);
	}

	private FunctionProcess start(FunctionApp app, String function, Variant variant, String label) throws IOException {
		Map<String, String> environment = new HashMap<>(this.options.environment());
		environment.put("DATABASE_URL", this.database.url());
		environment.put("JWT_SECRET", JWT_SECRET);
		if (function.equals("chat")) {
			environment.put("MCP_URL", "http://127.0.0.1:" + this.mcpPort + "/mcp");
		}
		int port = function.equals("mcp") && label.equals("for-chat") ? this.mcpPort : freePort();
		return app.start(variant, port, environment, this.logs.resolve(function + "-" + label + ".log"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port", ex);
		}
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
