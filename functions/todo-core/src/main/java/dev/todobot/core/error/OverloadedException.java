package dev.todobot.core.error;

import java.time.Duration;

/**
 * This instance has as much of some bounded work in hand as it takes, such as password
 * hashing; the request changed nothing and may be retried shortly.
 */
public class OverloadedException extends DomainException {

	private final Duration retryAfter;

	public OverloadedException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * When a retry has a fair chance.
	 * @return the delay
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
