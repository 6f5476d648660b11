package dev.todobot.core.task;

import java.util.List;

import dev.todobot.core.error.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * What to change in a task; a {@code null} field stays as it is.
 *
 * @param description an empty text clears it
 * @param tags replaces all tags; an empty list clears them
 * @param schedule the due date and time, reminder and recurrence to change
 */
public record TaskChanges(String title, String description, Priority priority, List<String> tags, Boolean completed,
		ScheduleChange schedule) {

	public TaskChanges {
		title = (title != null) ? TaskRules.title(title) : null;
		description = TaskRules.description(description);
		tags = TaskRules.tags(tags);
		schedule = (schedule != null) ? schedule : ScheduleChange.NONE;
	}

	/**
	 * The changes an update request names, by the rules every way in shares: a missing
	 * field stays as it is, a due date, due time, reminder or recurrence sent as
	 * {@code null} is removed, and a request naming no field at all is refused.
	 * @param fields the request's fields as read
	 * @param sent the request as sent, to tell a {@code null} field from a missing one
	 * @param spelling the names the request uses, for its errors
	 * @return the changes
	 * @throws InvalidInputException when the request names nothing to change
	 */
	public static TaskChanges requested(RequestedChanges fields, JsonNode sent, RequestedChanges.Spelling spelling) {
		ScheduleChange schedule = new ScheduleChange(Setting.of(sent.has(spelling.name("dueDate")), fields.dueDate()),
				Setting.of(sent.has(spelling.name("dueTime")), fields.dueTime()),
				Setting.of(sent.has(spelling.name("remindAt")), fields.remindAt()),
				Setting.of(sent.has(spelling.name("remindBeforeMinutes")), fields.remindBeforeMinutes()),
				Setting.of(sent.has(spelling.name("recurrence")), fields.recurrence()));
		TaskChanges changes = new TaskChanges(fields.title(), fields.description(), fields.priority(), fields.tags(),
				fields.completed(), schedule);
		if (changes.isEmpty()) {
			throw new InvalidInputException(spelling.request(),
					"Name at least one " + spelling.field() + " to change: title, description, "
							+ spelling.name("dueDate") + ", " + spelling.name("dueTime") + ", "
							+ spelling.name("remindAt") + ", " + spelling.name("remindBeforeMinutes")
							+ ", recurrence, priority, tags or completed");
		}
		return changes;
	}

	/**
	 * Marking a task done, leaving the rest as it is.
	 * @return the changes
	 */
	public static TaskChanges completion() {
		return new TaskChanges(null, null, null, null, true, ScheduleChange.NONE);
	}

	private boolean isEmpty() {
		return this.title == null && this.description == null && this.priority == null && this.tags == null
				&& this.completed == null && this.schedule.isEmpty();
	}

}
