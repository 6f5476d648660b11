package dev.todobot.core.db;

import java.time.Duration;

/**
 * How the reactive connection pool behaves. The defaults ride out a database that is
 * waking up (Neon suspends idle computes) and fail fast when it stays away.
 *
 * @param maxSize connections at most
 * @param connectTimeout how long one connection attempt may take
 * @param reconnectAttempts how often a failed connection attempt is retried
 * @param reconnectInterval the pause between those attempts
 * @param acquireTimeout how long a request waits for a free connection before it fails
 * @param statementTimeout how long one statement in a transaction may run (waiting for a
 * lock included) before PostgreSQL cancels it; zero for no limit
 */
public record PoolSettings(int maxSize, Duration connectTimeout, int reconnectAttempts, Duration reconnectInterval,
		Duration acquireTimeout, Duration statementTimeout) {

	public PoolSettings {
		if (maxSize < 1) {
			throw new IllegalArgumentException("maxSize must be at least 1, not " + maxSize);
		}
		if (reconnectAttempts < 0) {
			throw new IllegalArgumentException("reconnectAttempts must not be negative, not " + reconnectAttempts);
		}
		if (statementTimeout.isNegative()) {
			throw new IllegalArgumentException("statementTimeout must not be negative, not " + statementTimeout);
		}
	}

	/**
	 * Settings with the default statement timeout.
	 */
	public PoolSettings(int maxSize, Duration connectTimeout, int reconnectAttempts, Duration reconnectInterval,
			Duration acquireTimeout) {
		this(maxSize, connectTimeout, reconnectAttempts, reconnectInterval, acquireTimeout,
				defaults().statementTimeout());
	}

	public static PoolSettings defaults() {
		return new PoolSettings(8, Duration.ofSeconds(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(10),
				Duration.ofSeconds(10));
	}

}
