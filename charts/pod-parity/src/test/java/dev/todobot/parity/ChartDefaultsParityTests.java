package dev.todobot.parity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app with the chart's default values, nothing patched: the migration Job and each
 * Knative Service run under their rendered specs and must pass their probes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartDefaultsParityTests {

	private PodParity parity;

	private final List<String> lines = new ArrayList<>();

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options());
	}

	@AfterAll
	void report() {
		if (this.parity == null) {
			return;
		}
		ParityReport.section("Chart defaults, nothing patched (`ChartDefaultsParityTests`)",
				"| container | outcome |\n|---|---|\n" + String.join("\n", this.lines) + "\n\nImage notes:\n\n" + String
					.join("\n", this.parity.images().get("todo").notes().stream().map((n) -> "- " + n).toList()));
	}

	@Test
	void migrationJobCompletes() {
		PodParity.JobResult migration = this.parity.migration();
		this.lines.add("| migration Job | " + (migration.succeeded() ? "Complete" : "Failed") + " |");
		assertThat(migration.succeeded()).as(migration.output()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "todo", "mcp", "chat", "web" })
	void serviceIsReadyUnderItsRenderedSpec(String service) {
		boolean ready = this.parity.awaitReady(service);
		RunningPod pod = this.parity.service(service).pod();
		this.lines.add("| " + service + " | "
				+ (ready ? "Ready, " + pod.restartCount() + " restarts" : "not Ready: " + lastTermination(pod)) + " |");
		assertThat(ready).as(pod.describe()).isTrue();
		assertThat(pod.restartCount()).as(pod.describe()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "todo", "mcp", "chat" })
	void functionCompilesWithC1Only(String service) {
		assertThat(this.parity.awaitReady(service)).as(this.parity.describe(service)).isTrue();
		assertThat(this.parity.service(service).pod().threadNames()).as("threads of %s's JVM", service)
			.contains("C1 CompilerThre")
			.noneMatch((name) -> name.startsWith("C2 "));
	}

	private static String lastTermination(RunningPod pod) {
		return pod.logTail()
			.stream()
			.filter((line) -> line.contains("Exception") || line.contains("Error"))
			.reduce((first, second) -> second)
			.orElse(pod.describe().lines().filter((line) -> line.startsWith("State")).findFirst().orElse(""));
	}

}
