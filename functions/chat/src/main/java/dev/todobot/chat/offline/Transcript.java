package dev.todobot.chat.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a conversation the offline model looks at: the last user message and the
 * tool calls made since, and the turn before it (to answer "which one?"). The model keeps
 * no state of its own; everything it needs is in the messages the AI Service sends.
 *
 * @param current the turn being answered, or {@code null} when there is no user message
 * @param previous the turn before it, or {@code null}
 * @param toolCalls how many tool calls the whole conversation holds, for fresh call ids
 */
record Transcript(Turn current, Turn previous, int toolCalls) {

	static Transcript of(List<ChatMessage> messages) {
		int last = lastUserMessage(messages, messages.size());
		int before = (last > 0) ? lastUserMessage(messages, last) : -1;
		int toolCalls = 0;
		for (ChatMessage message : messages) {
			if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
				toolCalls += ai.toolExecutionRequests().size();
			}
		}
		Turn current = (last >= 0) ? Turn.of(messages.subList(last, messages.size())) : null;
		Turn previous = (before >= 0) ? Turn.of(messages.subList(before, last)) : null;
		return new Transcript(current, previous, toolCalls);
	}

	private static int lastUserMessage(List<ChatMessage> messages, int end) {
		for (int i = end - 1; i >= 0; i--) {
			if (messages.get(i) instanceof UserMessage) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A user message and the tool calls answered after it.
	 *
	 * @param userText what the user typed
	 * @param exchanges the tool calls with their results, in order
	 */
	record Turn(String userText, List<ToolExchange> exchanges) {

		Turn {
			exchanges = List.copyOf(exchanges);
		}

		/**
		 * Reads a turn: its first message is the user's.
		 */
		static Turn of(List<ChatMessage> messages) {
			UserMessage user = (UserMessage) messages.getFirst();
			Map<String, ToolExecutionRequest> calls = new HashMap<>();
			List<ToolExecutionRequest> unanswered = new ArrayList<>();
			List<ToolExchange> exchanges = new ArrayList<>();
			for (ChatMessage message : messages) {
				if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
					for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
						if (call.id() != null) {
							calls.put(call.id(), call);
						}
						unanswered.add(call);
					}
				}
				else if (message instanceof ToolExecutionResultMessage result) {
					ToolExecutionRequest call = (result.id() != null) ? calls.get(result.id()) : null;
					if (call == null) {
						// no ids (some stores drop them): match by name, oldest first
						call = unanswered.stream()
							.filter((c) -> c.name().equals(result.toolName()))
							.findFirst()
							.orElse(null);
					}
					unanswered.remove(call);
					String tool = (call != null) ? call.name() : result.toolName();
					ObjectNode arguments = (call != null) ? arguments(call.arguments())
							: JsonMapper.shared().createObjectNode();
					exchanges.add(new ToolExchange(tool, arguments, ToolResultReader.read(result)));
				}
			}
			return new Turn(text(user), exchanges);
		}

		private static String text(UserMessage user) {
			if (user.hasSingleText()) {
				return user.singleText();
			}
			return user.contents()
				.stream()
				.filter(TextContent.class::isInstance)
				.map((content) -> ((TextContent) content).text())
				.collect(Collectors.joining(" "));
		}

		private static ObjectNode arguments(String json) {
			try {
				JsonNode node = JsonMapper.shared().readTree((json != null && !json.isBlank()) ? json : "{}");
				return node.isObject() ? (ObjectNode) node : JsonMapper.shared().createObjectNode();
			}
			catch (JacksonException ex) {
				return JsonMapper.shared().createObjectNode();
			}
		}

	}

}
