package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * When a task is due, when it reminds its owner and how it repeats, as stored.
 *
 * @param remindAt the instant of this occurrence's reminder
 * @param remindBeforeMinutes when set, {@code remindAt} is this long before the due time
 * @param remindedAt when the reminder went out
 * @param recurrence an RRULE, counted from {@code recurrenceStart}
 */
record Schedule(LocalDate dueDate, LocalTime dueTime, Instant remindAt, Integer remindBeforeMinutes, Instant remindedAt,
		String recurrence, LocalDate recurrenceStart) {

	static final Schedule NONE = new Schedule(null, null, null, null, null, null, null);

}
