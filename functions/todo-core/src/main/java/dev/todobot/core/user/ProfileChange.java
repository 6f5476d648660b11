package dev.todobot.core.user;

import dev.todobot.core.error.InvalidInputException;

/**
 * A change of the caller's profile, checked in the compact constructor; a field not sent
 * (or sent as null) stays as it is.
 *
 * @param timeZone a new IANA time zone such as {@code Europe/Berlin}
 * @param name a new name; an empty one removes it
 */
public record ProfileChange(String timeZone, String name) {

	public ProfileChange {
		if (timeZone == null && name == null) {
			throw new InvalidInputException("body", "Name at least one thing to change: timeZone or name");
		}
		if (timeZone != null) {
			if (timeZone.isBlank()) {
				throw new InvalidInputException("timeZone",
						"timeZone must be an IANA time zone such as Europe/Berlin or America/New_York");
			}
			timeZone = TimeZones.check(timeZone);
		}
		if (name != null) {
			name = name.strip();
			if (name.length() > SignUp.MAX_NAME) {
				throw new InvalidInputException("name", "name must be at most " + SignUp.MAX_NAME + " characters");
			}
		}
	}

}
