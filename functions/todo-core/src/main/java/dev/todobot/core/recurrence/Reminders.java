package dev.todobot.core.recurrence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a task is due and when its reminder goes out, as instants: dates and times of day
 * are the owner's, in the owner's zone, so 09:00 stays 09:00 across daylight saving.
 */
public final class Reminders {

	/** The time a reminder relative to a due date without a time counts from. */
	public static final LocalTime DEFAULT_DUE_TIME = LocalTime.of(9, 0);

	/** The longest lead a reminder may have: a year. */
	public static final int MAX_MINUTES_BEFORE = 525_600;

	private Reminders() {
	}

	/**
	 * The instant a task is due: its date at its time (09:00 without one) in the zone.
	 */
	public static Instant due(LocalDate dueDate, LocalTime dueTime, ZoneId zone) {
		LocalTime time = (dueTime != null) ? dueTime : DEFAULT_DUE_TIME;
		// a time the clocks skip (02:30 on the night they go forward) moves on by the gap
		return dueDate.atTime(time).atZone(zone).toInstant();
	}

	/**
	 * The instant of a reminder {@code minutesBefore} the task is due.
	 */
	public static Instant remindAt(LocalDate dueDate, LocalTime dueTime, int minutesBefore, ZoneId zone) {
		return due(dueDate, dueTime, zone).minus(Duration.ofMinutes(minutesBefore));
	}

	/**
	 * The reminder of the next occurrence of a task whose reminder was set as an instant:
	 * the same lead before the due time as the done one had.
	 * @param remindAt the done occurrence's reminder
	 * @param dueDate the done occurrence's date
	 * @param nextDueDate the next occurrence's date
	 */
	public static Instant sameLead(Instant remindAt, LocalDate dueDate, LocalDate nextDueDate, LocalTime dueTime,
			ZoneId zone) {
		Duration lead = Duration.between(remindAt, due(dueDate, dueTime, zone));
		return due(nextDueDate, dueTime, zone).minus(lead);
	}

}
