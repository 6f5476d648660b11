package dev.todobot.todo;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

// shows what readiness is made of, which the app keeps to itself
@TestPropertySource(properties = "management.endpoint.health.group.readiness.show-components=always")
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
			.isEqualTo("UP")
			.jsonPath("$.components.database.status")
			.isEqualTo("UP");
	}

}
