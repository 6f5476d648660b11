package dev.todobot.core.error;

/**
 * Missing, expired or forged credentials.
 */
public class UnauthenticatedException extends DomainException {

	public UnauthenticatedException(String message) {
		super(message);
	}

}
