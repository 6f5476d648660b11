package dev.todobot.core.task;

import java.time.LocalDate;
import java.util.List;

import dev.todobot.core.error.InvalidInputException;

/**
 * What to change in a task; a {@code null} field stays as it is.
 *
 * @param description an empty text clears it
 * @param clearDueDate whether to remove the due date ({@code dueDate} must then be null)
 * @param tags replaces all tags; an empty list clears them
 */
public record TaskChanges(String title, String description, LocalDate dueDate, boolean clearDueDate, Priority priority,
		List<String> tags, Boolean completed) {

	public TaskChanges {
		title = (title != null) ? TaskRules.title(title) : null;
		description = TaskRules.description(description);
		tags = TaskRules.tags(tags);
		if (clearDueDate && dueDate != null) {
			throw new InvalidInputException("dueDate", "dueDate cannot be both set and cleared");
		}
	}

	/**
	 * Whether this changes nothing at all.
	 * @return true when every field is left as it is
	 */
	public boolean isEmpty() {
		return this.title == null && this.description == null && this.dueDate == null && !this.clearDueDate
				&& this.priority == null && this.tags == null && this.completed == null;
	}

}
