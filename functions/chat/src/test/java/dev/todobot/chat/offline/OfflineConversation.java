package dev.todobot.chat.offline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation with the offline model the way an AI Service holds it: the test plays
 * the user and the tools. Today is Wednesday 2026-06-10 (UTC).
 */
final class OfflineConversation {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-10T09:00:00Z"), ZoneOffset.UTC);

	/** The MCP tools as langchain4j-mcp lists them: names, argument names and types. */
	static final List<ToolSpecification> MCP_TOOLS = List.of(
			tool("add_task",
					JsonObjectSchema.builder()
						.addStringProperty("title")
						.addStringProperty("description")
						.addStringProperty("due_date")
						.addEnumProperty("priority", List.of("low", "medium", "high"))
						.addProperty("tags", JsonArraySchema.builder().items(new JsonStringSchema()).build())
						.addStringProperty("due_time")
						.addIntegerProperty("remind_before_minutes")
						.addStringProperty("recurrence")
						.required("title")
						.build()),
			tool("list_reminders", JsonObjectSchema.builder().build()),
			tool("list_tasks",
					JsonObjectSchema.builder()
						.addEnumProperty("status", List.of("all", "pending", "completed"))
						.addEnumProperty("priority", List.of("low", "medium", "high"))
						.addStringProperty("tag")
						.addStringProperty("query")
						.addEnumProperty("due", List.of("overdue", "today", "week"))
						.addIntegerProperty("limit")
						.build()),
			tool("complete_task", JsonObjectSchema.builder().addIntegerProperty("task_id").required("task_id").build()),
			tool("delete_task", JsonObjectSchema.builder().addIntegerProperty("task_id").required("task_id").build()),
			tool("update_task",
					JsonObjectSchema.builder()
						.addIntegerProperty("task_id")
						.addStringProperty("title")
						.addStringProperty("description")
						.addStringProperty("due_date")
						.addStringProperty("due_time")
						.addEnumProperty("priority", List.of("low", "medium", "high"))
						.addProperty("tags", JsonArraySchema.builder().items(new JsonStringSchema()).build())
						.addBooleanProperty("completed")
						.required("task_id")
						.build()));

	private final OfflineChatModel model;

	private final List<ToolSpecification> tools;

	private final List<ChatMessage> messages = new ArrayList<>();

	private ChatResponse last;

	private OfflineConversation(List<ToolSpecification> tools) {
		this.model = OfflineChatModel.builder().clock(CLOCK).build();
		this.tools = tools;
	}

	static OfflineConversation withMcpTools() {
		return new OfflineConversation(MCP_TOOLS);
	}

	static OfflineConversation withTools(List<ToolSpecification> tools) {
		return new OfflineConversation(tools);
	}

	/**
	 * The user says something; the model answers.
	 */
	ChatResponse say(String text) {
		this.messages.add(UserMessage.from(text));
		return next();
	}

	/**
	 * The tool the model just called answers with this text.
	 */
	ChatResponse toolAnswers(String resultText) {
		this.messages.add(ToolExecutionResultMessage.from(lastCall(), resultText));
		return next();
	}

	/**
	 * The tool the model just called fails, the way langchain4j reports it.
	 */
	ChatResponse toolFails(String errorText) {
		ToolExecutionRequest call = lastCall();
		this.messages.add(ToolExecutionResultMessage.builder()
			.id(call.id())
			.toolName(call.name())
			.text(errorText)
			.isError(true)
			.build());
		return next();
	}

	/**
	 * A first request: this user message and the MCP tools.
	 */
	static ChatRequest firstRequest(String message) {
		return ChatRequest.builder().messages(UserMessage.from(message)).toolSpecifications(MCP_TOOLS).build();
	}

	private ChatResponse next() {
		this.last = this.model
			.chat(ChatRequest.builder().messages(this.messages).toolSpecifications(this.tools).build());
		this.messages.add(this.last.aiMessage());
		return this.last;
	}

	private ToolExecutionRequest lastCall() {
		assertThat(this.last.aiMessage().toolExecutionRequests()).as("the model's last answer is one tool call")
			.hasSize(1);
		return this.last.aiMessage().toolExecutionRequests().getFirst();
	}

	/**
	 * Asserts that a response is exactly one call of this tool with exactly these
	 * arguments, compared as JSON.
	 */
	static void assertCall(ChatResponse response, String tool, String arguments) {
		assertThat(response.aiMessage().toolExecutionRequests()).as("tool calls").hasSize(1);
		ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().getFirst();
		assertThat(call.name()).as("tool").isEqualTo(tool);
		assertThat(json(call.arguments())).as("arguments of " + tool).isEqualTo(json(arguments));
	}

	/**
	 * Asserts that a response is text only, and returns it.
	 */
	static String assertText(ChatResponse response) {
		assertThat(response.aiMessage().hasToolExecutionRequests()).as("tool calls in: " + response.aiMessage())
			.isFalse();
		return response.aiMessage().text();
	}

	static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	private static ToolSpecification tool(String name, JsonObjectSchema parameters) {
		return ToolSpecification.builder().name(name).description(name).parameters(parameters).build();
	}

}
