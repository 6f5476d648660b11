package dev.todobot.parity;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app with todo kept warm on C2 (values/warm-c2.yaml: {@code todo.jvmOptions}
 * {@code -XX:TieredStopAtLevel=4}, minScale 1, 384Mi), the setting values.yaml and the
 * README offer for steady load: the option reaches the pod's JVM over the image's C1-only
 * one, and a minute of listTasks ends healthy within the pod's memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarmC2ParityTests {

	private final Client client = new Client();

	private PodParity parity;

	private LoadScenarios scenarios;

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options(Releases.WARM_C2_VALUES));
		this.scenarios = new LoadScenarios(this.parity);
		assertThat(this.parity.awaitReady("todo")).as(this.parity.describe("todo")).isTrue();
	}

	@AfterAll
	void report() {
		if (this.scenarios != null) {
			ParityReport.section("todo kept warm on C2 (`WarmC2ParityTests`, values/warm-c2.yaml)",
					this.scenarios.table());
		}
	}

	@Test
	void todoCompilesWithC2() {
		assertThat(this.parity.service("todo").pod().threadNames()).as("threads of todo's JVM")
			.contains("C2 CompilerThre");
	}

	@Test
	void listTasksAtThirtyTwoConnectionsForAMinuteStaysWithinThePodsMemory() {
		String token = this.client.signUp("warm-c2-" + UUID.randomUUID() + "@example.com");
		this.client.post("todo", "/addTask", token, "{\"title\":\"listed\"}");
		this.scenarios
			.closedLoop("todo", "listTasks on C2, 32 connections, 60 s", 32, Duration.ofSeconds(60), null,
					() -> this.client.post("todo", "/listTasks", token, "{}"))
			.assertHealthy();
	}

}
