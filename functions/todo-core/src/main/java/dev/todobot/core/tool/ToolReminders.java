package dev.todobot.core.tool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.reminder.ReminderView;

/**
 * The structured result of {@code list_reminders}: the user's reminders that came due and
 * are not dismissed, newest first.
 *
 * @param reminders the reminders
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolReminders(List<Reminder> reminders) {

	/** The JSON schema of the list, the output schema of {@code list_reminders}. */
	public static final String SCHEMA = """
			{
			  "type": "object",
			  "properties": {
			    "reminders": {
			      "type": "array",
			      "items": {
			        "type": "object",
			        "properties": {
			          "id": { "type": "integer", "description": "The reminder's id" },
			          "task_id": { "type": ["integer", "null"], "description": "The task it reminds of" },
			          "title": { "type": "string" },
			          "due_date": { "type": ["string", "null"], "format": "date" },
			          "due_time": { "type": ["string", "null"], "description": "HH:mm in the user's time zone" },
			          "remind_at": { "type": "string", "format": "date-time" },
			          "created_at": { "type": "string", "format": "date-time", "description": "When it went out" }
			        },
			        "required": ["id", "task_id", "title", "due_date", "due_time", "remind_at", "created_at"]
			      }
			    }
			  },
			  "required": ["reminders"]
			}
			""";

	public static ToolReminders of(List<ReminderView> reminders) {
		return new ToolReminders(reminders.stream()
			.map((reminder) -> new Reminder(reminder.id(), reminder.taskId(), reminder.title(), reminder.dueDate(),
					reminder.dueTime(), reminder.remindAt(), reminder.createdAt()))
			.toList());
	}

	/**
	 * The list for people and models, one reminder a line.
	 * @return the text
	 */
	public String text() {
		if (this.reminders.isEmpty()) {
			return "No reminders.";
		}
		return this.reminders.size() + ((this.reminders
			.size() == 1) ? " reminder:\n" : " reminders:\n") + this.reminders
				.stream()
				.map((reminder) -> "- task " + reminder.taskId() + ": " + reminder.title()
						+ ((reminder.dueDate() != null) ? " (due " + reminder.dueDate()
								+ ((reminder.dueTime() != null) ? " " + reminder.dueTime() : "") + ")" : ""))
				.collect(Collectors.joining("\n"));
	}

	/** A reminder, named in snake_case like the tools' arguments. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Reminder(long id, @JsonProperty("task_id") Long taskId, String title,
			@JsonProperty("due_date") LocalDate dueDate,
			@JsonProperty("due_time") @JsonFormat(pattern = "HH:mm") LocalTime dueTime,
			@JsonProperty("remind_at") Instant remindAt, @JsonProperty("created_at") Instant createdAt) {

	}

}
