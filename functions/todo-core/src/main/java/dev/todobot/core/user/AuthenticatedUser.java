package dev.todobot.core.user;

import java.time.ZoneId;

/**
 * The user a verified bearer token stands for. The only source of a user id for every
 * call after sign-in: ids never come from a request body.
 *
 * @param zone the time zone their days are counted in
 */
public record AuthenticatedUser(long id, String email, ZoneId zone) {

	/**
	 * A user whose days are counted in UTC.
	 */
	public AuthenticatedUser(long id, String email) {
		this(id, email, ZoneId.of(TimeZones.UTC));
	}

}
