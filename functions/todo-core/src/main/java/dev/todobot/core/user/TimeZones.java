package dev.todobot.core.user;

import java.time.ZoneId;

import dev.todobot.core.error.InvalidInputException;

/**
 * The time zones a user's days may be counted in: IANA names, as browsers report them.
 */
final class TimeZones {

	static final String UTC = "UTC";

	private TimeZones() {
	}

	/**
	 * Checks a time zone a client sent.
	 * @param timeZone such as {@code Europe/Berlin}, or {@code null} for UTC
	 * @return the zone's name
	 * @throws InvalidInputException naming {@code timeZone} when it is no IANA time zone
	 */
	static String check(String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return UTC;
		}
		String name = timeZone.strip();
		if (!ZoneId.getAvailableZoneIds().contains(name)) {
			throw new InvalidInputException("timeZone",
					"timeZone must be an IANA time zone such as Europe/Berlin or America/New_York");
		}
		return name;
	}

}
