package dev.todobot.mcp.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;

/**
 * The arguments of the tools that act on one task by its id.
 *
 * @param taskId the id that {@code list_tasks} shows
 */
record TaskIdArguments(@JsonProperty("task_id") Long taskId) {

	/** The input schema of such a tool. */
	static final String SCHEMA = """
			{
			  "type": "object",
			  "properties": {
			    "task_id": { "type": "integer", "minimum": 1, "description": "The task's id, as list_tasks shows it" }
			  },
			  "required": ["task_id"],
			  "additionalProperties": false
			}
			""";

	TaskIdArguments {
		if (taskId == null) {
			throw new InvalidInputException("task_id", "task_id is required");
		}
	}

}
