package dev.todobot.chat.conversation;

import java.util.List;
import java.util.stream.Stream;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns langchain4j messages into rows and back. The system message is not stored: it is
 * made fresh for every turn.
 */
final class MessageCodec {

	static final String USER = "user";

	static final String ASSISTANT = "assistant";

	static final String TOOL = "tool";

	private static final String REQUESTS = "requests";

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The row for a message.
	 * @return the row's role, content and tool calls; {@code null} for a system message
	 */
	Row row(ChatMessage message) {
		return switch (message) {
			case UserMessage user -> new Row(USER, user.singleText(), null);
			case AiMessage ai -> new Row(ASSISTANT, (ai.text() != null) ? ai.text() : "",
					ai.hasToolExecutionRequests() ? requests(ai.toolExecutionRequests()) : null);
			case ToolExecutionResultMessage result -> {
				ObjectNode request = this.json.createObjectNode();
				request.put("id", result.id());
				request.put("name", result.toolName());
				yield new Row(TOOL, result.text(), request.toString());
			}
			default -> null;
		};
	}

	ChatMessage message(StoredMessage stored) {
		return switch (stored.role()) {
			case USER -> UserMessage.from(stored.content());
			case TOOL -> {
				JsonNode request = this.json.readTree(stored.toolCalls());
				yield ToolExecutionResultMessage.from(request.path("id").asString(), request.path("name").asString(),
						stored.content());
			}
			default -> {
				if (stored.toolCalls() == null) {
					yield AiMessage.from(stored.content());
				}
				List<ToolExecutionRequest> requests = requests(stored)
					.map((request) -> ToolExecutionRequest.builder()
						.id(request.path("id").asString())
						.name(request.path("name").asString())
						.arguments(request.path("arguments").asString())
						.build())
					.toList();
				yield stored.content().isEmpty() ? AiMessage.from(requests)
						: AiMessage.from(stored.content(), requests);
			}
		};
	}

	/**
	 * Whether a row says the same as a stored message; the database normalizes JSON, so
	 * the tool calls are compared as JSON.
	 */
	boolean isSame(Row row, StoredMessage stored) {
		if (!row.role().equals(stored.role()) || !row.content().equals(stored.content())) {
			return false;
		}
		if (row.toolCalls() == null || stored.toolCalls() == null) {
			return row.toolCalls() == null && stored.toolCalls() == null;
		}
		return tree(row.toolCalls()).equals(tree(stored.toolCalls()));
	}

	JsonNode tree(String json) {
		return this.json.readTree(json);
	}

	/**
	 * The tool requests of an assistant message, as stored.
	 */
	Stream<JsonNode> requests(StoredMessage stored) {
		return this.json.readTree(stored.toolCalls()).path(REQUESTS).valueStream();
	}

	/**
	 * Stored as an object: the database driver reads JSON columns as objects only.
	 */
	private String requests(List<ToolExecutionRequest> requests) {
		ObjectNode stored = this.json.createObjectNode();
		ArrayNode array = stored.putArray(REQUESTS);
		for (ToolExecutionRequest request : requests) {
			array.addObject().put("id", request.id()).put("name", request.name()).put("arguments", request.arguments());
		}
		return stored.toString();
	}

	/** A message as a row of the messages table. */
	record Row(String role, String content, String toolCalls) {
	}

}
