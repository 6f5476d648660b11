package dev.todobot.core.tool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.task.TaskView;

/**
 * A task as the tools return it: the task of every front end, named in snake_case like
 * the tools' arguments, so that a model can pass back what it read. The structured result
 * of {@code add_task}, {@code complete_task}, {@code update_task} and
 * {@code delete_task}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolTask(long id, String title, String description, boolean completed,
		@JsonProperty("due_date") LocalDate dueDate,
		@JsonProperty("due_time") @JsonFormat(pattern = "HH:mm") LocalTime dueTime, String priority, List<String> tags,
		@JsonProperty("remind_at") Instant remindAt, @JsonProperty("remind_before_minutes") Integer remindBeforeMinutes,
		String recurrence, @JsonProperty("recurrence_text") String recurrenceText,
		@JsonProperty("reminded_at") Instant remindedAt, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") Instant updatedAt, @JsonProperty("completed_at") Instant completedAt,
		long version) {

	/** The JSON schema of a task, for output schemas. */
	public static final String SCHEMA = """
			{
			  "type": "object",
			  "properties": {
			    "id": { "type": "integer", "description": "The task's id; other tools take it as task_id" },
			    "title": { "type": "string" },
			    "description": { "type": ["string", "null"] },
			    "completed": { "type": "boolean" },
			    "due_date": { "type": ["string", "null"], "format": "date", "description": "YYYY-MM-DD" },
			    "due_time": { "type": ["string", "null"], "description": "HH:mm in the user's time zone" },
			    "priority": { "type": "string", "enum": ["low", "medium", "high"] },
			    "tags": { "type": "array", "items": { "type": "string" } },
			    "remind_at": { "type": ["string", "null"], "format": "date-time", "description": "When the user is reminded" },
			    "remind_before_minutes": {
			      "type": ["integer", "null"],
			      "description": "When set, remind_at is this many minutes before the due time and follows it"
			    },
			    "recurrence": { "type": ["string", "null"], "description": "The RRULE the task repeats by" },
			    "recurrence_text": { "type": ["string", "null"], "description": "The recurrence in English, such as every week on Monday" },
			    "reminded_at": { "type": ["string", "null"], "format": "date-time", "description": "When the reminder went out" },
			    "created_at": { "type": "string", "format": "date-time" },
			    "updated_at": { "type": "string", "format": "date-time" },
			    "completed_at": { "type": ["string", "null"], "format": "date-time" },
			    "version": {
			      "type": "integer",
			      "description": "Goes up with every change; update_task and complete_task take it to refuse a change based on an old read"
			    }
			  },
			  "required": ["id", "title", "description", "completed", "due_date", "due_time", "priority", "tags",
			    "remind_at", "remind_before_minutes", "recurrence", "recurrence_text", "reminded_at",
			    "created_at", "updated_at", "completed_at", "version"]
			}
			""";

	public static ToolTask of(TaskView task) {
		return new ToolTask(task.id(), task.title(), task.description(), task.completed(), task.dueDate(),
				task.dueTime(), task.priority(), task.tags(), task.remindAt(), task.remindBeforeMinutes(),
				task.recurrence(), task.recurrenceText(), task.remindedAt(), task.createdAt(), task.updatedAt(),
				task.completedAt(), task.version());
	}

	/**
	 * One line for people and models, such as
	 * {@code 12: Buy milk (due 2030-05-03 09:00, every week on Monday, high, #shopping)}.
	 * @return the line
	 */
	public String summary() {
		List<String> details = new ArrayList<>();
		if (this.dueDate != null) {
			details.add("due " + this.dueDate + ((this.dueTime != null) ? " " + this.dueTime : ""));
		}
		if (this.recurrenceText != null) {
			details.add(this.recurrenceText);
		}
		if (this.remindAt != null && this.remindedAt == null) {
			details.add("reminder " + this.remindAt);
		}
		details.add(this.priority);
		this.tags.forEach((tag) -> details.add("#" + tag));
		if (this.completed) {
			details.add("done");
		}
		return this.id + ": " + this.title + " (" + String.join(", ", details) + ")";
	}

}
