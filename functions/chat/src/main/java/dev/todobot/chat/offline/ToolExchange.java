package dev.todobot.chat.offline;

import dev.todobot.core.tool.ToolContract;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool call of the current turn and its result.
 *
 * @param tool the tool's name
 * @param arguments the arguments it was called with
 * @param result what it answered
 */
record ToolExchange(String tool, ObjectNode arguments, ToolResult result) {

	/**
	 * Reads the task id the call was made for.
	 * @return the {@code task_id} argument, or {@code -1} without one
	 */
	long taskId() {
		return this.arguments.path(ToolContract.TASK_ID).asLong(-1);
	}

}
