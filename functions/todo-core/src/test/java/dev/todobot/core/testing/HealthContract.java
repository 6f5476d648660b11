package dev.todobot.core.testing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every function's probes answer, as the kubelet asks them. A test class of a
 * function implements it and shows readiness's components:
 * {@code @TestPropertySource(properties = "management.endpoint.health.group.readiness.show-components=always")}.
 */
public interface HealthContract {

	/** How long readiness may take to come up, as a startup probe would allow. */
	Duration READY_WITHIN = Duration.ofSeconds(60);

	WebTestClient http();

	@Test
	default void livenessIsUp() {
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
	default void readinessIncludesTheDatabase() {
		awaitReady();
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

	/**
	 * Asks readiness again until it passes, as a probe does: the first database ping of a
	 * fresh function opens its pool's first connection, which a loaded machine may take
	 * longer than the ping's timeout to do.
	 */
	private void awaitReady() {
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		while (System.nanoTime() < deadline && !http().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.is2xxSuccessful()) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
