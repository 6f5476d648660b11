package dev.todobot.core.error;

/**
 * Input that breaks a rule of the domain. Carries the name of the offending field as the
 * client sent it, so that every front end can point at it.
 */
public class InvalidInputException extends DomainException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
