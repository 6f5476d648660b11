package dev.todobot.core.user;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.todobot.core.error.InvalidInputException;

/**
 * A request to create an account, checked in the compact constructor.
 *
 * @param email a valid address of at most 254 characters; stored lower-cased
 * @param password 8 to 128 characters
 * @param name at most 100 characters, or {@code null}
 * @param timeZone an IANA time zone such as {@code Europe/Berlin}, as the browser reports
 * it; UTC when not given
 */
public record SignUp(String email, String password, String name, String timeZone) {

	static final int MAX_NAME = 100;

	public SignUp {
		email = Emails.normalize(email);
		Passwords.check(password);
		name = (name != null && !name.isBlank()) ? name.strip() : null;
		if (name != null && name.length() > MAX_NAME) {
			throw new InvalidInputException("name", "name must be at most " + MAX_NAME + " characters");
		}
		timeZone = TimeZones.check(timeZone);
	}

	/**
	 * A sign-up in UTC.
	 */
	public SignUp(String email, String password, String name) {
		this(email, password, name, null);
	}

	/** The e-mail rules, shared with sign-in. */
	static final class Emails {

		static final int MAX_EMAIL = 254;

		private static final Pattern EMAIL = Pattern
			.compile("[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
					+ "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

		private Emails() {
		}

		static String normalize(String email) {
			String trimmed = (email != null) ? email.strip() : "";
			if (trimmed.isEmpty()) {
				throw new InvalidInputException("email", "email is required");
			}
			if (trimmed.length() > MAX_EMAIL) {
				throw new InvalidInputException("email", "email must be at most " + MAX_EMAIL + " characters");
			}
			if (!EMAIL.matcher(trimmed).matches()) {
				throw new InvalidInputException("email", "email must be an address like name@example.com");
			}
			return trimmed.toLowerCase(Locale.ROOT);
		}

	}

	/** The password rules. */
	static final class Passwords {

		static final int MIN = 8;

		static final int MAX = 128;

		private Passwords() {
		}

		static void check(String password) {
			if (password == null || password.length() < MIN || password.length() > MAX) {
				throw new InvalidInputException("password",
						"password must be between " + MIN + " and " + MAX + " characters");
			}
		}

	}

}
