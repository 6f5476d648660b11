package dev.todobot.core.task;

import java.time.LocalDate;
import java.util.List;

/**
 * A task to add. The compact constructor normalizes and checks every field.
 *
 * @param title 1 to 200 characters after trimming
 * @param description at most 4,000 characters, or {@code null}
 * @param dueDate the day it is due, or {@code null}
 * @param priority {@code null} for medium
 * @param tags at most ten one-word tags, or {@code null} for none
 */
public record NewTask(String title, String description, LocalDate dueDate, Priority priority, List<String> tags) {

	public NewTask {
		title = TaskRules.title(title);
		description = TaskRules.description(description);
		if (description != null && description.isEmpty()) {
			description = null;
		}
		priority = (priority != null) ? priority : Priority.MEDIUM;
		tags = (tags != null) ? TaskRules.tags(tags) : List.of();
	}

}
