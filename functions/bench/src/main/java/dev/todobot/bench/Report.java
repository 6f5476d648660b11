package dev.todobot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a benchmark run as Markdown tables, JSON and the cold start chart.
 */
final class Report {

	static final String MARKDOWN = "results.md";

	static final String JSON = "results.json";

	static final String CHART = "cold-start.svg";

	private final BenchReport report;

	private final List<String> functions;

	private final List<Variant> modes;

	Report(BenchReport report, List<String> functions, List<Variant> modes) {
		this.report = report;
		this.functions = functions;
		this.modes = modes;
	}

	/**
	 * Writes results.md, results.json and cold-start.svg.
	 * @param directory where
	 */
	void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(MARKDOWN), markdown(), StandardCharsets.UTF_8);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(directory.resolve(JSON), json.writeValueAsString(this.report) + "\n", StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(CHART), ColdStartChart.render(this.report.coldStarts(), this.functions,
				this.modes, Bench.TARGETS_MS, subtitle()), StandardCharsets.UTF_8);
	}

	String subtitle() {
		Machine machine = this.report.machine();
		return format("Median of %d fresh processes per bar, whisker to the slowest; %d CPUs, Java %s, %s",
				this.report.runs(), machine.cpus(), machine.java(), this.report.date().substring(0, 10));
	}

	/**
	 * The options the chart adds for some functions, as a clause after the options of
	 * every function.
	 * @param options the added options by function
	 * @return the clause, or an empty string when there are none
	 */
	static String functionJvmOptions(Map<String, List<String>> options) {
		StringBuilder clause = new StringBuilder();
		options.forEach((function, added) -> clause.append(format(", %s also with `%s` (the chart's `%s.jvmOptions`)",
				function, String.join(" ", added), function)));
		return clause.toString();
	}

	String markdown() {
		Machine machine = this.report.machine();
		StringBuilder md = new StringBuilder();
		md.append(format(
				"Measured %s on %d CPUs and %.0f GiB (%s), Java %s, 1-minute load average %.2f before "
						+ "the run. Each function is its own JVM with `%s`%s; PostgreSQL 17 is embedded and local.%n%n",
				this.report.date(), machine.cpus(), machine.memoryGiB(), machine.os(), machine.java(),
				machine.loadBefore(), String.join(" ", this.report.jvmOptions()),
				functionJvmOptions(this.report.functionJvmOptions())));
		if (!this.report.environment().isEmpty()) {
			md.append(format("Extra settings: `%s`.%n%n", this.report.environment()));
		}
		md.append(format(
				"**Cold start**: process start to the first successful database-backed answer, median / "
						+ "max of %d fresh processes, in seconds; in brackets the median CPU time the process used "
						+ "until then (all threads), which other work on the machine disturbs less.%n%n",
				this.report.runs()));
		md.append("| function | first answer |");
		this.modes.forEach((mode) -> md.append(' ').append(mode.label()).append(" |"));
		md.append("\n|---|---|");
		this.modes.forEach((mode) -> md.append("---:|"));
		md.append('\n');
		for (String function : this.functions) {
			Optional<ColdStart> any = this.report.coldStarts()
				.stream()
				.filter((c) -> c.function().equals(function))
				.findFirst();
			md.append("| ")
				.append(function)
				.append(" | ")
				.append(any.map(ColdStart::firstAnswer).orElse(""))
				.append(" |");
			for (Variant mode : this.modes) {
				md.append(' ')
					.append(coldStart(function, mode)
						.map((c) -> format("%.2f / %.2f (CPU %.2f)", c.medianMs() / 1000, c.maxMs() / 1000,
								c.cpuMs() / 1000))
						.orElse("–"))
					.append(" |");
			}
			md.append('\n');
		}
		List<MemoryUse> memory = this.report.memory();
		md.append("\n**Memory**: resident set size (VmRSS) in MiB. After start: right after the first answer "
				+ "(median of the cold starts).");
		if (!memory.isEmpty()) {
			md.append(format(
					" The rest: one %s process through the load runs below; in brackets the anonymous "
							+ "part (RssAnon), without mapped files such as the AOT cache.",
					label(memory.getFirst().mode())));
		}
		md.append("\n\n| function |");
		this.modes.forEach((mode) -> md.append(" after start, ").append(mode.label()).append(" |"));
		if (!memory.isEmpty()) {
			md.append(format(" after %,d requests | after the load runs | peak |", memory.getFirst().requests()));
		}
		md.append("\n|---|");
		this.modes.forEach((mode) -> md.append("---:|"));
		md.append(memory.isEmpty() ? "\n" : "---:|---:|---:|\n");
		for (String function : this.functions) {
			md.append("| ").append(function).append(" |");
			for (Variant mode : this.modes) {
				md.append(' ')
					.append(coldStart(function, mode).map((c) -> format("%.0f", c.rssMiB())).orElse("–"))
					.append(" |");
			}
			if (!memory.isEmpty()) {
				md.append(memory.stream()
					.filter((m) -> m.function().equals(function))
					.findFirst()
					.map((m) -> format(" %.0f (anon %.0f) | %.0f | %.0f |", m.afterRequestsMiB(),
							m.afterRequestsAnonMiB(), m.afterLoadMiB(), m.peakMiB()))
					.orElse(" – | – | – |"));
			}
			md.append('\n');
		}
		List<LoadResult> throughput = this.report.throughput();
		if (throughput.isEmpty()) {
			return md.toString();
		}
		md.append(format("%n**Throughput**: %d connections, each sending its next request when the last is "
				+ "answered, for %.0f s after a warm-up; latency from the first byte sent to the last byte read.",
				throughput.getFirst().connections(), Math.floor(throughput.getFirst().seconds())));
		if (throughput.stream().anyMatch((load) -> load.generator().equals(Wrk.GENERATOR))) {
			md.append(" Each request is measured by two load generators in turn, on the same cores as the "
					+ "function: built-in (the benchmark's own, a virtual thread per connection in its JVM) and wrk "
					+ "(Debian's, in C), which costs the function's cores less. wrk counts an answer other than 2xx "
					+ "or 3xx as an error, the built-in one also an answer without the expected content.");
		}
		md.append(" CPU: the time the function's process used per answer (all threads), which other work on the "
				+ "machine disturbs less than the rate.");
		md.append(
				"\n\n| function | request | load generator | requests/s | p50 ms | p99 ms | max ms | requests | errors "
						+ "| CPU µs/request |\n");
		md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (LoadResult load : throughput) {
			md.append(format("| %s | %s | %s | %,.0f | %.1f | %.1f | %.0f | %,d | %d | %s |%n", load.function(),
					load.scenario(), load.generator(), load.requestsPerSecond(), load.p50Ms(), load.p99Ms(),
					load.maxMs(), load.requests(), load.errors(),
					(load.cpuUsPerRequest() < 0) ? "–" : format("%,.0f", load.cpuUsPerRequest())));
		}
		return md.toString();
	}

	private String label(String modeId) {
		return this.modes.stream()
			.filter((mode) -> mode.id().equals(modeId))
			.findFirst()
			.map(Variant::label)
			.orElse(modeId);
	}

	private Optional<ColdStart> coldStart(String function, Variant mode) {
		return this.report.coldStarts()
			.stream()
			.filter((c) -> c.function().equals(function) && c.mode().equals(mode.id()))
			.findFirst();
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
