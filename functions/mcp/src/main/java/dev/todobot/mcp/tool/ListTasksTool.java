package dev.todobot.mcp.tool;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.TaskPage;
import dev.todobot.core.task.TaskQuery;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code list_tasks}: the caller's tasks, newest first, filtered.
 */
final class ListTasksTool implements TodoTool {

	private static final String INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "status": {
			      "type": "string", "enum": ["all", "pending", "completed"], "default": "all",
			      "description": "pending: not done yet; completed: done; all when not given"
			    },
			    "priority": {
			      "type": "string", "enum": ["low", "medium", "high"],
			      "description": "Only tasks of this priority"
			    },
			    "tag": {
			      "type": "string", "maxLength": 33,
			      "description": "Only tasks with this tag"
			    },
			    "query": {
			      "type": "string", "maxLength": 200,
			      "description": "Only tasks whose title or description contains this text, ignoring case"
			    },
			    "due": {
			      "type": "string", "enum": ["overdue", "today", "week"],
			      "description": "overdue: not done and due before today; today: due today; week: due today or in the next 6 days"
			    },
			    "limit": {
			      "type": "integer", "minimum": 1, "maximum": 100, "default": 50,
			      "description": "At most this many tasks (1 to 100, 50 when not given)"
			    }
			  },
			  "additionalProperties": false
			}
			""";

	private static final String OUTPUT = """
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

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition("list_tasks", "List tasks",
				"Lists the user's tasks, newest first. Use it to answer questions about the todo list, "
						+ "and to find a task's id by its title (query) before completing, updating or deleting it. "
						+ "Filters combine; with none, all tasks are listed.",
				INPUT, OUTPUT, ToolEffect.READS);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		TaskQuery query = arguments.as(Arguments.class).taskQuery();
		return tasks.list(user.id(), query).map(TaskList::of).map((list) -> ToolResults.success(list.text(), list));
	}

	record Arguments(TaskQuery.Status status, Priority priority, String tag, String query, TaskQuery.Due due,
			Integer limit) {

		TaskQuery taskQuery() {
			return new TaskQuery(this.status, this.priority, this.tag, this.query, this.due, null, this.limit, null);
		}

	}

	/**
	 * The structured result.
	 *
	 * @param hasMore whether more tasks match than the limit let through
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record TaskList(List<ToolTask> tasks, int count, @JsonProperty("has_more") boolean hasMore) {

		static TaskList of(TaskPage page) {
			List<ToolTask> tasks = page.items().stream().map(ToolTask::of).toList();
			return new TaskList(tasks, tasks.size(), page.nextCursor() != null);
		}

		String text() {
			if (this.tasks.isEmpty()) {
				return "No tasks found.";
			}
			String lines = this.tasks.stream().map((task) -> "- " + task.summary()).collect(Collectors.joining("\n"));
			String more = this.hasMore ? "\nMore tasks match: narrow the filters or raise limit (up to 100)." : "";
			return this.count + ((this.count == 1) ? " task:\n" : " tasks:\n") + lines + more;
		}

	}

}
