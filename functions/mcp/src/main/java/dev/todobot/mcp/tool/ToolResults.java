package dev.todobot.mcp.tool;

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

	static CallToolResult failure(String text) {
		return CallToolResult.builder().addTextContent(text).isError(true).build();
	}

}
