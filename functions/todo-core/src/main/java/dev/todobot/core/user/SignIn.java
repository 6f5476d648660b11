package dev.todobot.core.user;

import dev.todobot.core.error.InvalidInputException;

/**
 * A request to sign in.
 *
 * @param email the address signed up with, in any case
 * @param password the password
 */
public record SignIn(String email, String password) {

	public SignIn {
		email = SignUp.Emails.normalize(email);
		if (password == null || password.isEmpty()) {
			throw new InvalidInputException("password", "password is required");
		}
	}

}
