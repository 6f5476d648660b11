package dev.todobot.core.db;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Reports whether the database answers. Meant for readiness only: a database outage must
 * not make the platform restart healthy replicas.
 */
public class DatabaseHealthIndicator implements ReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final Database database;

	public DatabaseHealthIndicator(Database database) {
		this.database = database;
	}

	@Override
	public Mono<Health> health() {
		return this.database.ping()
			.timeout(TIMEOUT)
			.thenReturn(Health.up().build())
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", "database not reachable").build()));
	}

}
