package dev.todobot.chat.conversation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool the assistant ran during a turn, so that a client can show what changed.
 *
 * @param name the MCP tool
 * @param arguments the arguments it was called with
 * @param result what it answered
 */
public record ToolCall(String name, JsonNode arguments, String result) {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * A tool call whose arguments came as JSON text from the model.
	 * @param name the tool
	 * @param arguments the JSON arguments; kept as text when they are not JSON
	 * @param result what it answered
	 * @return the tool call
	 */
	public static ToolCall of(String name, String arguments, String result) {
		JsonNode parsed;
		try {
			parsed = json.readTree((arguments == null || arguments.isBlank()) ? "{}" : arguments);
		}
		catch (RuntimeException ex) {
			parsed = json.getNodeFactory().stringNode(arguments);
		}
		return new ToolCall(name, parsed, result);
	}

}
