package dev.todobot.core.db;

import io.vertx.core.impl.NoStackTraceThrowable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is away" (503 with Retry-After), not a fault of ours.
 */
class UnreachableDatabaseTests {

	@Test
	void aConnectionTheServerClosedUnderARequestIsUnreachable() {
		// what the Vert.x client gives a transaction whose connection PostgreSQL closed
		// as it stopped
		assertThat(Database.isUnreachable(new IllegalStateException(
				new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))))
			.isTrue();
	}

	@Test
	void aPoolTimeoutIsUnreachable() {
		assertThat(Database.isUnreachable(new NoStackTraceThrowable("Timeout"))).isTrue();
	}

	@Test
	void anotherFailureOfThePoolIsNot() {
		assertThat(Database.isUnreachable(new NoStackTraceThrowable("Something else"))).isFalse();
	}

}
