package dev.todobot.core.tool;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.task.TaskPage;

/**
 * The structured result of {@code list_tasks}.
 *
 * @param tasks the tasks, newest first
 * @param count how many tasks are in this list
 * @param hasMore whether more tasks match than the limit let through
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskList(List<ToolTask> tasks, int count, @JsonProperty("has_more") boolean hasMore) {

	/** The JSON schema of the list, the output schema of {@code list_tasks}. */
	public static final String SCHEMA = """
			{
			  "type": "object",
			  "properties": {
			    "tasks": { "type": "array", "items": %s },
			    "count": { "type": "integer", "description": "How many tasks are in this list" },
			    "has_more": { "type": "boolean", "description": "Whether more tasks match than the limit let through" }
			  },
			  "required": ["tasks", "count", "has_more"]
			}
			""".formatted(ToolTask.SCHEMA);

	public static TaskList of(TaskPage page) {
		List<ToolTask> tasks = page.items().stream().map(ToolTask::of).toList();
		return new TaskList(tasks, tasks.size(), page.nextCursor() != null);
	}

	/**
	 * The list for people and models, one {@link ToolTask#summary()} a line.
	 * @return the text
	 */
	public String text() {
		if (this.tasks.isEmpty()) {
			return "No tasks found.";
		}
		String lines = this.tasks.stream().map((task) -> "- " + task.summary()).collect(Collectors.joining("\n"));
		String more = this.hasMore ? "\nMore tasks match: narrow the filters or raise limit (up to 100)." : "";
		return this.count + ((this.count == 1) ? " task:\n" : " tasks:\n") + lines + more;
	}

}
