package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A task to add. The compact constructor normalizes and checks every field; what needs
 * the owner's zone (a reminder before the due time) is computed as the task is added.
 *
 * @param title 1 to 200 characters after trimming
 * @param description at most 4,000 characters, or {@code null}
 * @param dueDate the day it is due, or {@code null}
 * @param priority {@code null} for medium
 * @param tags at most ten one-word tags, or {@code null} for none
 * @param dueTime the time of day it is due in the owner's zone (needs a due date)
 * @param remindAt when to remind the owner, or {@code null}
 * @param remindBeforeMinutes remind this long before the due time (09:00 without one)
 * instead
 * @param recurrence an RRULE such as {@code FREQ=WEEKLY;BYDAY=MO}, counted from the due
 * date
 */
public record NewTask(String title, String description, LocalDate dueDate, Priority priority, List<String> tags,
		LocalTime dueTime, Instant remindAt, Integer remindBeforeMinutes, String recurrence) {

	public NewTask {
		title = TaskRules.title(title);
		description = TaskRules.description(description);
		if (description != null && description.isEmpty()) {
			description = null;
		}
		priority = (priority != null) ? priority : Priority.MEDIUM;
		tags = (tags != null) ? TaskRules.tags(tags) : List.of();
		ScheduleChange schedule = schedule(dueDate, dueTime, remindAt, remindBeforeMinutes, recurrence);
		dueTime = value(schedule.dueTime());
		recurrence = value(schedule.recurrence());
	}

	/**
	 * A task without a time, reminder or recurrence.
	 */
	public NewTask(String title, String description, LocalDate dueDate, Priority priority, List<String> tags) {
		this(title, description, dueDate, priority, tags, null, null, null, null);
	}

	ScheduleChange schedule() {
		return schedule(this.dueDate, this.dueTime, this.remindAt, this.remindBeforeMinutes, this.recurrence);
	}

	private static ScheduleChange schedule(LocalDate dueDate, LocalTime dueTime, Instant remindAt,
			Integer remindBeforeMinutes, String recurrence) {
		return new ScheduleChange(Setting.of(false, dueDate), Setting.of(false, dueTime), Setting.of(false, remindAt),
				Setting.of(false, remindBeforeMinutes), Setting.of(false, recurrence));
	}

	private static <T> T value(Setting<T> setting) {
		return (setting != null) ? setting.value() : null;
	}

}
