package dev.todobot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private static final Machine MACHINE = new Machine(2, 24, "25.0.3+9-LTS", "Linux amd64", 0.5, 1.75);

	private static final List<Variant> MODES = List.of(Variant.of(LaunchMode.FAT, "workload"),
			Variant.of(LaunchMode.EXTRACTED, "workload"), Variant.of(LaunchMode.AOT, "workload"));

	private static final List<ColdStart> COLD_STARTS = List.of(
			new ColdStart("todo", "fat", "authenticated `listTasks`", List.of(3500.0, 3640.0, 3530.0), 3530, 3640, 205,
					4120),
			new ColdStart("todo", "aot", "authenticated `listTasks`", List.of(780.0, 790.0, 770.0), 780, 790, 204,
					1190));

	@TempDir
	Path output;

	@Test
	void theColdStartTableHasARowPerFunctionAndADashForAModeThatWasNotTimed() {
		String markdown = report(List.of(), List.of(), Map.of()).markdown();
		assertThat(markdown).contains("| function | first answer | fat jar | extracted jar | extracted + AOT cache |")
			.contains("| todo | authenticated `listTasks` | 3.53 / 3.64 (CPU 4.12) | – | 0.78 / 0.79 (CPU 1.19) |")
			.contains("median / max of 3 fresh processes")
			.contains("Measured 2026-11-30T03:52:03Z on 2 CPUs and 24 GiB (Linux amd64), Java 25.0.3+9-LTS, "
					+ "1-minute load average 0.50 before the run")
			.contains("`-XX:+UseSerialGC -XX:MaxRAM=256m`");
	}

	@Test
	void theOptionsTheChartAddsForAFunctionFollowThoseOfEveryFunction() {
		assertThat(report(List.of(), List.of(), Map.of()).markdown())
			.contains("Each function is its own JVM with `-XX:+UseSerialGC -XX:MaxRAM=256m`, chat also with "
					+ "`-XX:NewSize=20m` (the chart's `chat.jvmOptions`); PostgreSQL 17");
	}

	@Test
	void withoutLoadRunsTheReportHasTheMemoryAfterStartOnlyAndNoThroughput() {
		String markdown = report(List.of(), List.of(), Map.of()).markdown();
		assertThat(markdown).contains("| todo | 205 | – | 204 |")
			.doesNotContain("after the load runs")
			.doesNotContain("**Throughput**")
			.doesNotContain("Extra settings");
	}

	@Test
	void theLoadRunsAddTheMemoryThroughThemAndAThroughputRowPerRequest() {
		List<MemoryUse> memory = List.of(new MemoryUse("todo", "aot", 204, 246, 199, 10_000, 248, 249));
		List<LoadResult> throughput = List.of(
				new LoadResult("todo", "listTasks", "built-in", 32, 20.02, 62_112, 0, 3104.4, 10.12, 15.84, 27.3, -1),
				new LoadResult("todo", "addTask", "built-in", 32, 20.01, 55_725, 3, 2785, 11.4, 16.9, 74, -1));
		String markdown = report(memory, throughput, Map.of("CHAT_MODEL", "offline")).markdown();
		assertThat(markdown).contains("The rest: one extracted + AOT cache process through the load runs below")
			.contains("| after 10,000 requests | after the load runs | peak |")
			.contains("| todo | 205 | – | 204 | 246 (anon 199) | 248 | 249 |")
			.contains("**Throughput**: 32 connections")
			.contains("for 20 s after a warm-up;")
			.contains(
					"| function | request | load generator | requests/s | p50 ms | p99 ms | max ms | requests | errors |")
			.contains("| todo | listTasks | built-in | 3,104 | 10.1 | 15.8 | 27 | 62,112 | 0 | – |")
			.contains("| todo | addTask | built-in | 2,785 | 11.4 | 16.9 | 74 | 55,725 | 3 | – |")
			.doesNotContain("two load generators")
			.contains("Extra settings: `{CHAT_MODEL=offline}`.");
	}

	@Test
	void bothLoadGeneratorsAreReportedSideBySidePerRequest() {
		List<MemoryUse> memory = List.of(new MemoryUse("todo", "aot", 204, 246, 199, 10_000, 248, 249));
		List<LoadResult> throughput = List.of(
				new LoadResult("todo", "listTasks", "built-in", 32, 20.02, 62_112, 0, 3104.4, 10.12, 15.84, 27.3, -1),
				new LoadResult("todo", "listTasks", "wrk", 32, 20.0, 33_180, 2, 1658.9, 18.5, 36.04, 80.1, 1204.2),
				new LoadResult("todo", "addTask", "built-in", 32, 20.01, 55_725, 0, 2785, 11.4, 16.9, 74, -1));
		String markdown = report(memory, throughput, Map.of()).markdown();
		assertThat(markdown).contains("measured by two load generators in turn")
			.containsSubsequence("| todo | listTasks | built-in | 3,104 | 10.1 | 15.8 | 27 | 62,112 | 0 | – |\n",
					"| todo | listTasks | wrk | 1,659 | 18.5 | 36.0 | 80 | 33,180 | 2 | 1,204 |\n",
					"| todo | addTask | built-in | 2,785 | 11.4 | 16.9 | 74 | 55,725 | 0 | – |\n");
	}

	@Test
	void theJsonNamesTheLoadGeneratorOfEachThroughputFigure() throws Exception {
		List<LoadResult> throughput = List
			.of(new LoadResult("todo", "listTasks", "wrk", 32, 20.0, 33_180, 2, 1658.9, 18.5, 36.04, 80.1, -1));
		Path directory = this.output.resolve("bench");
		report(List.of(new MemoryUse("todo", "aot", 204, 246, 199, 10_000, 248, 249)), throughput, Map.of())
			.write(directory);
		JsonNode load = JsonMapper.builder()
			.build()
			.readTree(Files.readString(directory.resolve(Report.JSON)))
			.get("throughput")
			.get(0);
		assertThat(load.get("generator").asString()).isEqualTo("wrk");
		assertThat(load.get("requestsPerSecond").asDouble()).isEqualTo(1658.9);
	}

	@Test
	void writeLeavesTheMarkdownTheJsonAndTheChartInTheOutputDirectory() throws Exception {
		Report report = report(List.of(), List.of(), Map.of());
		Path directory = this.output.resolve("bench");
		report.write(directory);
		assertThat(Files.readString(directory.resolve(Report.MARKDOWN))).isEqualTo(report.markdown());
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(directory.resolve(Report.JSON)));
		assertThat(json.get("date").asString()).isEqualTo("2026-11-30T03:52:03Z");
		assertThat(json.get("machine").get("cpus").asInt()).isEqualTo(2);
		assertThat(json.get("coldStarts")).hasSize(2);
		assertThat(json.get("coldStarts").get(1).get("mode").asString()).isEqualTo("aot");
		assertThat(json.get("coldStarts").get(1).get("medianMs").asDouble()).isEqualTo(780);
		assertThat(json.get("trainingSeconds").get("todo aot").asDouble()).isEqualTo(41.5);
		String svg = Files.readString(directory.resolve(Report.CHART));
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.endsWith("</svg>\n")
			.contains(">todo</text>")
			.contains(">extracted + AOT cache</text>")
			.contains(">0.78 s</text>")
			.contains(">" + report.subtitle() + "</text>");
		assertThat(report.subtitle())
			.isEqualTo("Median of 3 fresh processes per bar, whisker to the slowest; 2 CPUs, Java 25.0.3+9-LTS, "
					+ "2026-11-30");
	}

	@Test
	void theCpuPerRequestIsTheProcessesCpuTimeOverTheAnswersInMicroseconds() {
		LoadResult result = new LoadResult("todo", "listTasks", "wrk", 32, 20.0, 40_000, 0, 2000, 15, 20, 30, -1);
		assertThat(result.withCpu(30_000).cpuUsPerRequest()).isEqualTo(750.0);
		assertThat(result.withCpu(-1).cpuUsPerRequest()).isEqualTo(-1);
	}

	private static Report report(List<MemoryUse> memory, List<LoadResult> throughput, Map<String, String> environment) {
		BenchReport report = new BenchReport("2026-11-30T03:52:03Z", MACHINE,
				List.of("-XX:+UseSerialGC", "-XX:MaxRAM=256m"), Map.of("chat", List.of("-XX:NewSize=20m")), environment,
				3, Map.of("todo aot", 41.5), COLD_STARTS, memory, throughput);
		return new Report(report, List.of("todo"), MODES);
	}

}
