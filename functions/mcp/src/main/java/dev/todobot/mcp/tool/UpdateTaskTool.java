package dev.todobot.mcp.tool;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.RequestedChanges;
import dev.todobot.core.task.TaskChanges;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code update_task}: changes the given fields of one of the caller's tasks.
 */
final class UpdateTaskTool implements TodoTool {

	private static final RequestedChanges.Spelling SPELLING = new RequestedChanges.Spelling("arguments", "thing",
			"due_date");

	private static final String INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "task_id": { "type": "integer", "minimum": 1, "description": "The task's id, as list_tasks shows it" },
			    "title": { "type": "string", "minLength": 1, "maxLength": 200, "description": "The new title" },
			    "description": {
			      "type": "string", "maxLength": 4000,
			      "description": "The new details; an empty text removes them"
			    },
			    "due_date": {
			      "type": ["string", "null"], "format": "date",
			      "description": "The new due day as YYYY-MM-DD; null removes the due date"
			    },
			    "priority": { "type": "string", "enum": ["low", "medium", "high"], "description": "The new priority" },
			    "tags": {
			      "type": "array", "maxItems": 10, "items": { "type": "string", "minLength": 1, "maxLength": 33 },
			      "description": "The new tags, replacing all old ones; an empty list removes them"
			    },
			    "completed": { "type": "boolean", "description": "true marks the task done, false opens it again" },
			    "version": {
			      "type": "integer", "minimum": 0,
			      "description": "The task's version as you last read it; when the task has changed since, nothing is changed and you are told so. Leave it out to change the task whatever its version"
			    }
			  },
			  "required": ["task_id"],
			  "additionalProperties": false
			}
			""";

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition("update_task", "Update a task",
				"Changes one of the user's tasks: give its id and only the fields to change; the rest stay "
						+ "as they are. Use it to rename, reschedule, re-prioritise, re-tag or reopen a task. "
						+ "When you only know the title, find the id with list_tasks (query) first.",
				INPUT, ToolTask.SCHEMA, ToolEffect.OVERWRITES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		Arguments update = arguments.as(Arguments.class);
		TaskChanges changes = TaskChanges.requested(update, arguments.tree(), SPELLING);
		return tasks.update(user.id(), update.taskId(), changes, update.version())
			.map((updated) -> ToolResults.task("Updated task", updated));
	}

	record Arguments(@JsonProperty("task_id") Long taskId, String title, String description,
			@JsonProperty("due_date") LocalDate dueDate, Priority priority, List<String> tags, Boolean completed,
			Long version) implements RequestedChanges {

		Arguments {
			if (taskId == null) {
				throw new InvalidInputException("task_id", "task_id is required");
			}
		}

	}

}
