package dev.todobot.core.error;

import java.time.Duration;

/**
 * The caller has made more attempts than a throttle allows, such as failed sign-ins to
 * one account; nothing was checked or changed, and the attempt may be made again later.
 */
public class TooManyAttemptsException extends DomainException {

	private final Duration retryAfter;

	public TooManyAttemptsException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/**
	 * When the next attempt will be let through.
	 * @return the delay
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
