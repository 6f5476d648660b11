package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A task as a list reads it: its columns only. A list changes nothing, so it needs no
 * entity: Hibernate builds no persistence-context entry, snapshot or proxy per row.
 *
 * @param priority as stored, converted by {@link PriorityConverter}
 * @param tags as stored
 */
record TaskRow(long id, String title, String description, boolean completed, LocalDate dueDate, LocalTime dueTime,
		Priority priority, String[] tags, Instant remindAt, Integer remindBeforeMinutes, String recurrence,
		Instant remindedAt, Instant createdAt, Instant updatedAt, Instant completedAt, long version) {

	/** The select clause that makes a row of each {@link Task}. */
	static final String SELECT = "select new dev.todobot.core.task.TaskRow(t.id, t.title, t.description, t.completed,"
			+ " t.dueDate, t.dueTime, t.priority, t.tags, t.remindAt, t.remindBeforeMinutes, t.recurrence,"
			+ " t.remindedAt, t.createdAt, t.updatedAt, t.completedAt, t.version) ";

	TaskView view() {
		return new TaskView(this.id, this.title, this.description, this.completed, this.dueDate, this.dueTime,
				this.priority.wireName(), List.of(this.tags), this.remindAt, this.remindBeforeMinutes, this.recurrence,
				TaskRules.recurrenceText(this.recurrence), this.remindedAt, this.createdAt, this.updatedAt,
				this.completedAt, this.version);
	}

}
