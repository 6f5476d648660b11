package dev.todobot.core.task;

import java.time.LocalDate;
import java.util.List;

import dev.todobot.core.error.InvalidInputException;
import tools.jackson.databind.JsonNode;

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
	 * The changes an update request names, by the rules every way in shares: a missing
	 * field stays as it is, a due date sent as {@code null} is removed, and a request
	 * naming no field at all is refused.
	 * @param fields the request's fields as read
	 * @param sent the request as sent, to tell a {@code null} due date from a missing one
	 * @param spelling the names the request uses, for its errors
	 * @return the changes
	 * @throws InvalidInputException when the request names nothing to change
	 */
	public static TaskChanges requested(RequestedChanges fields, JsonNode sent, RequestedChanges.Spelling spelling) {
		boolean clearDueDate = sent.has(spelling.dueDate()) && sent.get(spelling.dueDate()).isNull();
		TaskChanges changes = new TaskChanges(fields.title(), fields.description(), fields.dueDate(), clearDueDate,
				fields.priority(), fields.tags(), fields.completed());
		if (changes.isEmpty()) {
			throw new InvalidInputException(spelling.request(), "Name at least one " + spelling.field()
					+ " to change: title, description, " + spelling.dueDate() + ", priority, tags or completed");
		}
		return changes;
	}

	/**
	 * Marking a task done, leaving the rest as it is.
	 * @return the changes
	 */
	public static TaskChanges completion() {
		return new TaskChanges(null, null, null, false, null, null, true);
	}

	private boolean isEmpty() {
		return this.title == null && this.description == null && this.dueDate == null && !this.clearDueDate
				&& this.priority == null && this.tags == null && this.completed == null;
	}

}
