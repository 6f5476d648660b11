package dev.todobot.todo;

import org.junit.jupiter.api.Test;

class HealthTests extends TodoHttpTestSupport {

	@Test
	void livenessIsUp() {
		http().get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void readinessIncludesTheDatabase() {
		http().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
