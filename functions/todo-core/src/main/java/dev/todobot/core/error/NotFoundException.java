package dev.todobot.core.error;

/**
 * Something the caller does not own, whether or not it exists: existence is never
 * revealed.
 */
public class NotFoundException extends DomainException {

	public NotFoundException(String message) {
		super(message);
	}

}
