package dev.todobot.chat.offline;

import tools.jackson.databind.node.ObjectNode;

/**
 * The offline model's next move: say something, or call one tool.
 */
sealed interface Reply {

	/**
	 * A final answer to the user.
	 *
	 * @param text what to say
	 */
	record Text(String text) implements Reply {

	}

	/**
	 * One tool call; the AI Service runs it and asks the model again with the result.
	 *
	 * @param tool the tool's name
	 * @param arguments its JSON arguments
	 */
	record ToolCall(String tool, ObjectNode arguments) implements Reply {

	}

}
