package dev.todobot.mcp.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code complete_task}: marks one of the caller's tasks as done.
 */
final class CompleteTaskTool implements TodoTool {

	private static final String INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "task_id": { "type": "integer", "minimum": 1, "description": "The task's id, as list_tasks shows it" },
			    "version": {
			      "type": "integer", "minimum": 0,
			      "description": "The task's version as you last read it; when the task has changed since, nothing is changed and you are told so. Leave it out to complete the task whatever its version"
			    }
			  },
			  "required": ["task_id"],
			  "additionalProperties": false
			}
			""";

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition("complete_task", "Complete a task",
				"Marks one of the user's tasks as done. Needs the task's id: when you only know its title, "
						+ "find the id with list_tasks (query) first. Completing a done task changes nothing.",
				INPUT, ToolTask.SCHEMA, ToolEffect.CHANGES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		Arguments complete = arguments.as(Arguments.class);
		return tasks.complete(user.id(), complete.taskId(), complete.version())
			.map((done) -> ToolResults.task("Completed task", done));
	}

	record Arguments(@JsonProperty("task_id") Long taskId, Long version) {

		Arguments {
			if (taskId == null) {
				throw new InvalidInputException("task_id", "task_id is required");
			}
		}

	}

}
