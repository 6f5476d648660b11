package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A task as every front end shows it.
 *
 * @param dueTime the time of day it is due, in the owner's zone ({@code HH:mm})
 * @param priority low, medium or high
 * @param tags lower-case words, at most ten
 * @param remindAt when this occurrence reminds its owner
 * @param remindBeforeMinutes when set, {@code remindAt} is this long before the due time
 * (09:00 without one) and follows it
 * @param recurrence the RRULE it repeats by, such as {@code FREQ=WEEKLY;BYDAY=MO}
 * @param recurrenceText the rule in English, such as "every week on Monday"
 * @param remindedAt when the reminder went out
 * @param version goes up by one with every change; a write that names the version it was
 * based on is refused once the task has moved on
 */
public record TaskView(long id, String title, String description, boolean completed, LocalDate dueDate,
		@JsonFormat(pattern = "HH:mm") LocalTime dueTime, String priority, List<String> tags, Instant remindAt,
		Integer remindBeforeMinutes, String recurrence, String recurrenceText, Instant remindedAt, Instant createdAt,
		Instant updatedAt, Instant completedAt, long version) {

}
