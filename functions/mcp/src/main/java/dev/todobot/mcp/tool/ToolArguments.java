package dev.todobot.mcp.tool;

import dev.todobot.core.web.JsonBodies;
import tools.jackson.databind.JsonNode;

/**
 * The arguments of one tool call, read as strictly as the todo function reads bodies.
 *
 * @param tree the arguments as the client sent them
 * @param json reads them
 */
record ToolArguments(JsonNode tree, JsonBodies json) {

	/**
	 * The arguments as a tool's argument type.
	 * @param <T> the type
	 * @param type the type
	 * @return the arguments
	 * @throws dev.todobot.core.error.InvalidInputException naming the argument that is
	 * unknown, of the wrong type or refused by the type's own checks
	 */
	<T> T as(Class<T> type) {
		return this.json.convert(this.tree, type);
	}

}
