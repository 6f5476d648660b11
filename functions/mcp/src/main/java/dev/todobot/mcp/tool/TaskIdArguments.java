package dev.todobot.mcp.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.tool.ToolContract;

/**
 * The arguments of the tools that act on one task by its id.
 *
 * @param taskId the id that {@code list_tasks} shows
 */
record TaskIdArguments(@JsonProperty(ToolContract.TASK_ID) Long taskId) {

	TaskIdArguments {
		if (taskId == null) {
			throw new InvalidInputException("task_id", "task_id is required");
		}
	}

}
