package dev.todobot.mcp.tool;

import dev.todobot.core.task.TaskView;
import dev.todobot.core.tool.ToolTask;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * Tool results as MCP asks for them: structured content matching the output schema plus a
 * text rendering, or a failure the model can read and act on ({@code isError}).
 */
final class ToolResults {

	private ToolResults() {
	}

	static CallToolResult success(String text, Object structured) {
		return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(false).build();
	}

	/**
	 * The task a call acted on, with a line such as
	 * {@code Added task 12: Buy milk (due 2030-05-03, high)}.
	 * @param done what the call did, such as {@code Added task}
	 * @param task the task as the service returned it
	 * @return the result
	 */
	static CallToolResult task(String done, TaskView task) {
		ToolTask result = ToolTask.of(task);
		return success(done + " " + result.summary(), result);
	}

	static CallToolResult failure(String text) {
		return CallToolResult.builder().addTextContent(text).isError(true).build();
	}

}
