package dev.todobot.chat.offline;

import java.util.List;
import java.util.Optional;

/**
 * What one tool call answered, as far as the offline model understands it.
 *
 * @param text the result text, cleaned for quoting
 * @param json whether the text was JSON (an MCP result's structured content is)
 * @param error whether the call failed
 * @param errorMessage why it failed, or {@code ""}
 * @param tasks the task objects found in it, in order
 * @param list whether it held a list of tasks, so that no tasks means an empty list
 * @param more whether a list has a next page
 */
record ToolResult(String text, boolean json, boolean error, String errorMessage, List<TaskItem> tasks, boolean list,
		boolean more) {

	ToolResult {
		tasks = List.copyOf(tasks);
	}

	Optional<TaskItem> firstTask() {
		return this.tasks.stream().findFirst();
	}

}
