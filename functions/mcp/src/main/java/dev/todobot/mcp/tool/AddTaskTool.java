package dev.todobot.mcp.tool;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code add_task}: adds a task for the caller.
 */
final class AddTaskTool implements TodoTool {

	private static final String INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "title": {
			      "type": "string", "minLength": 1, "maxLength": 200,
			      "description": "What to do, in a few words, such as \\"Buy milk\\" (1 to 200 characters)"
			    },
			    "description": {
			      "type": "string", "maxLength": 4000,
			      "description": "Optional details (up to 4000 characters)"
			    },
			    "due_date": {
			      "type": "string", "format": "date",
			      "description": "The day it is due, as YYYY-MM-DD; turn words like \\"tomorrow\\" into a date first"
			    },
			    "priority": {
			      "type": "string", "enum": ["low", "medium", "high"], "default": "medium",
			      "description": "How urgent it is; medium when not given"
			    },
			    "tags": {
			      "type": "array", "maxItems": 10, "items": { "type": "string", "minLength": 1, "maxLength": 33 },
			      "description": "Up to 10 one-word labels such as \\"work\\" or \\"shopping\\" (letters, digits, - and _; kept lower-case)"
			    }
			  },
			  "required": ["title"],
			  "additionalProperties": false
			}
			""";

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition("add_task", "Add a task",
				"Adds a task to the user's todo list, for anything the user wants to do, buy or remember. "
						+ "Give a short title and put details in description. Returns the new task with its id.",
				INPUT, ToolTask.SCHEMA, ToolEffect.ADDS);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		NewTask task = arguments.as(Arguments.class).task();
		return tasks.add(user.id(), task).map((added) -> ToolResults.task("Added task", added));
	}

	record Arguments(String title, String description, @JsonProperty("due_date") LocalDate dueDate, Priority priority,
			List<String> tags) {

		NewTask task() {
			return new NewTask(this.title, this.description, this.dueDate, this.priority, this.tags);
		}

	}

}
