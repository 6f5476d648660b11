package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task as every front end shows it.
 *
 * @param priority low, medium or high
 * @param tags lower-case words, at most ten
 * @param version goes up by one with every change; a write that names the version it was
 * based on is refused once the task has moved on
 */
public record TaskView(long id, String title, String description, boolean completed, LocalDate dueDate, String priority,
		List<String> tags, Instant createdAt, Instant updatedAt, Instant completedAt, long version) {

}
