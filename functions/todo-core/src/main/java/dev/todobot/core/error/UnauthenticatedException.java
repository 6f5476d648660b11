package dev.todobot.core.error;

/**
 * Missing, expired or forged credentials.
 */
public class UnauthenticatedException extends DomainException {

	public UnauthenticatedException(String message) {
		super(message);
	}

	/**
	 * A valid token of an account that no longer exists.
	 * @return the exception
	 */
	public static UnauthenticatedException accountGone() {
		return new UnauthenticatedException("This account no longer exists; sign up again");
	}

}
