package dev.todobot.core.error;

/**
 * A failure the caller can act on; every front end turns each kind into its own answer.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

	protected DomainException(String message, Throwable cause) {
		super(message, cause);
	}

}
