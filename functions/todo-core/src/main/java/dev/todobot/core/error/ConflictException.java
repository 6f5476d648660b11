package dev.todobot.core.error;

/**
 * The request clashes with data that already exists, such as a taken e-mail address.
 */
public class ConflictException extends DomainException {

	public ConflictException(String message) {
		super(message);
	}

}
