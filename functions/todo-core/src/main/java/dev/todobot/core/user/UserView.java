package dev.todobot.core.user;

/**
 * A user as clients see it.
 *
 * @param name how to greet them, or {@code null}
 * @param timeZone the IANA time zone their days are counted in, such as
 * {@code Europe/Berlin}
 */
public record UserView(long id, String email, String name, String timeZone) {

	/**
	 * A user whose days are counted in UTC.
	 */
	public UserView(long id, String email, String name) {
		this(id, email, name, TimeZones.UTC);
	}

}
