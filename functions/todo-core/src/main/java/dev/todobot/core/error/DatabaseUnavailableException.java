package dev.todobot.core.error;

/**
 * The database could not be reached in time; the request changed nothing and may be
 * retried.
 */
public class DatabaseUnavailableException extends DomainException {

	public DatabaseUnavailableException(Throwable cause) {
		super("The database is not reachable right now; try again in a few seconds", cause);
	}

}
