package dev.todobot.core.web;

import java.util.regex.Pattern;

import dev.todobot.core.error.InvalidInputException;

/**
 * The {@code Idempotency-Key} request header: a String Structured Field such as
 * {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}. A bare token is taken as well, as many
 * clients send one. todo's {@code addTask} and chat's turns take it alike.
 *
 * @see <a href=
 * "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/">The
 * Idempotency-Key HTTP header field</a>
 */
public final class IdempotencyKey {

	public static final String HEADER = "Idempotency-Key";

	private static final int MAX_LENGTH = 255;

	// printable ASCII without the quote and backslash that a String field would escape
	private static final Pattern KEY = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1," + MAX_LENGTH + "}");

	private IdempotencyKey() {
	}

	/**
	 * Reads the header.
	 * @param header its value, or {@code null} when it was not sent
	 * @return the key, or {@code null} when none was sent
	 * @throws InvalidInputException when the header is not a key
	 */
	public static String of(String header) {
		if (header == null) {
			return null;
		}
		String key = header.strip();
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			key = key.substring(1, key.length() - 1);
		}
		if (!KEY.matcher(key).matches()) {
			throw new InvalidInputException("Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_LENGTH
					+ " printable ASCII characters, such as a UUID, without quotes or backslashes inside");
		}
		return key;
	}

}
