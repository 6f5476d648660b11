package dev.todobot.core.error;

import java.time.Duration;

/**
 * A service this function depends on (a language model provider, another function)
 * failed, was too slow or refused for now. The caller's request may be retried later.
 */
public class UpstreamFailureException extends DomainException {

	private final Kind kind;

	private final Duration retryAfter;

	/**
	 * @param kind how it failed
	 * @param retryAfter when to try again, as the upstream said; {@code null} if it did
	 * not
	 * @param message what the caller is told
	 */
	public UpstreamFailureException(Kind kind, Duration retryAfter, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	public Kind kind() {
		return this.kind;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** How an upstream failed. */
	public enum Kind {

		/** It answered with an error or could not be reached: 502. */
		FAILED,
		/** It refused for now, for example rate-limited: 503. */
		UNAVAILABLE,
		/** It did not answer in time: 504. */
		TIMED_OUT

	}

}
