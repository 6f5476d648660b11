package dev.todobot.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.Session;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP Java SDK's own client, over its Streamable HTTP transport with the bearer
 * token, against the running function.
 */
class SdkClientTests extends McpHttpTestSupport {

	@Autowired
	TaskService taskService;

	private Session session;

	private McpSyncClient client;

	@BeforeEach
	void connect() {
		this.session = signUp();
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url())
			.endpoint("/mcp")
			.httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization",
					"Bearer " + this.session.token()))
			.build();
		this.client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
		this.client.initialize();
	}

	@AfterEach
	void disconnect() {
		this.client.closeGracefully();
	}

	@Test
	void initializesOnTheRevisionTheServerPrefers() {
		McpSchema.InitializeResult initialized = this.client.getCurrentInitializationResult();
		assertThat(initialized.protocolVersion()).isEqualTo("2025-06-18");
		assertThat(initialized.serverInfo().name()).isEqualTo("mcp");
		assertThat(initialized.capabilities().tools()).isNotNull();
	}

	@Test
	void listsTheEightTools() {
		assertThat(this.client.listTools().tools()).extracting(Tool::name)
			.containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task", "complete_tasks",
					"delete_tasks", "list_reminders");
	}

	@Test
	void everyToolHasADescriptionAndBothSchemas() {
		assertThat(this.client.listTools().tools()).allSatisfy((tool) -> {
			assertThat(tool.description()).hasSizeGreaterThan(60);
			assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
			assertThat(tool.outputSchema()).containsEntry("type", "object").containsKey("required");
			assertThat(tool.annotations().openWorldHint()).isFalse();
		});
	}

	@Test
	void addTaskSchemaTypesEveryArgument() {
		Map<String, Object> schema = tool("add_task").inputSchema();
		assertThat(schema).containsEntry("required", List.of("title"));
		assertThat(property(schema, "title")).containsEntry("type", "string")
			.containsEntry("minLength", 1)
			.containsEntry("maxLength", 200);
		assertThat(property(schema, "due_date")).containsEntry("type", "string").containsEntry("format", "date");
		assertThat(property(schema, "priority")).containsEntry("enum", List.of("low", "medium", "high"));
		assertThat(property(schema, "tags")).containsEntry("type", "array").containsEntry("maxItems", 10);
	}

	@Test
	void listTasksSchemaBoundsTheLimit() {
		Map<String, Object> schema = tool("list_tasks").inputSchema();
		assertThat(property(schema, "status")).containsEntry("enum", List.of("all", "pending", "completed"));
		assertThat(property(schema, "due")).containsEntry("enum", List.of("overdue", "today", "week"));
		assertThat(property(schema, "limit")).containsEntry("type", "integer")
			.containsEntry("minimum", 1)
			.containsEntry("maximum", 100);
	}

	@Test
	void taskIdToolsRequireAPositiveTaskId() {
		for (String name : List.of("complete_task", "delete_task", "update_task")) {
			Map<String, Object> schema = tool(name).inputSchema();
			assertThat(schema).containsEntry("required", List.of("task_id"));
			assertThat(property(schema, "task_id")).containsEntry("type", "integer").containsEntry("minimum", 1);
		}
	}

	@Test
	void annotationsTellReadingFromDestroying() {
		assertThat(tool("list_tasks").annotations().readOnlyHint()).isTrue();
		assertThat(tool("add_task").annotations().readOnlyHint()).isFalse();
		assertThat(tool("add_task").annotations().destructiveHint()).isFalse();
		assertThat(tool("add_task").annotations().idempotentHint()).isFalse();
		assertThat(tool("complete_task").annotations().destructiveHint()).isFalse();
		assertThat(tool("complete_task").annotations().idempotentHint()).isTrue();
		assertThat(tool("delete_task").annotations().destructiveHint()).isTrue();
		assertThat(tool("delete_task").annotations().idempotentHint()).isTrue();
		assertThat(tool("update_task").annotations().idempotentHint()).isTrue();
	}

	@Test
	void addTaskAnswersWithTheTaskAndALine() {
		CallToolResult result = call("add_task",
				Map.of("title", "Buy milk", "due_date", "2030-05-03", "priority", "high", "tags", List.of("Shopping")));
		assertThat(result.isError()).isFalse();
		Map<String, Object> task = structured(result);
		assertThat(task).containsEntry("title", "Buy milk")
			.containsEntry("due_date", "2030-05-03")
			.containsEntry("priority", "high")
			.containsEntry("tags", List.of("shopping"))
			.containsEntry("completed", false)
			.containsEntry("completed_at", null);
		assertThat(text(result))
			.isEqualTo("Added task " + task.get("id") + ": Buy milk (due 2030-05-03, high, #shopping)");
	}

	@Test
	void listTasksAnswersWithTheCallersTasks() {
		call("add_task", Map.of("title", "First"));
		call("add_task", Map.of("title", "Second", "priority", "low"));
		CallToolResult result = call("list_tasks", Map.of());
		Map<String, Object> list = structured(result);
		assertThat(list).containsEntry("count", 2).containsEntry("has_more", false);
		assertThat((List<?>) list.get("tasks")).<Object>extracting((task) -> ((Map<?, ?>) task).get("title"))
			.containsExactly("Second", "First");
		assertThat(text(result)).startsWith("2 tasks:\n- ").contains("Second (low)").contains("First (medium)");
	}

	@Test
	void completeTaskMarksItDone() {
		long id = add("Water plants");
		CallToolResult result = call("complete_task", Map.of("task_id", id));
		assertThat(structured(result)).containsEntry("completed", true).extractingByKey("completed_at").isNotNull();
		assertThat(text(result)).isEqualTo("Completed task " + id + ": Water plants (medium, done)");
		assertThat(this.taskService.get(this.session.user().id(), id).block().completed()).isTrue();
	}

	@Test
	void updateTaskChangesOnlyTheGivenFields() {
		long id = add("Call mum");
		CallToolResult result = call("update_task",
				Map.of("task_id", id, "priority", "high", "due_date", "2031-01-02"));
		assertThat(structured(result)).containsEntry("title", "Call mum")
			.containsEntry("priority", "high")
			.containsEntry("due_date", "2031-01-02");
		assertThat(text(result)).isEqualTo("Updated task " + id + ": Call mum (due 2031-01-02, high)");
	}

	@Test
	void deleteTaskRemovesItAndAnswersWithWhatItWas() {
		long id = add("Old idea");
		CallToolResult result = call("delete_task", Map.of("task_id", id));
		assertThat(structured(result)).containsEntry("id", (int) id).containsEntry("title", "Old idea");
		assertThat(text(result)).isEqualTo("Deleted task " + id + ": Old idea (medium)");
		assertThat(tasks(this.session)).isZero();
	}

	private long add(String title) {
		return ((Number) structured(call("add_task", Map.of("title", title))).get("id")).longValue();
	}

	private CallToolResult call(String tool, Map<String, Object> arguments) {
		CallToolResult result = this.client.callTool(new CallToolRequest(tool, arguments));
		assertThat(result.isError()).as("isError of %s: %s", tool, result.content()).isFalse();
		return result;
	}

	private Tool tool(String name) {
		return this.client.listTools().tools().stream().filter((tool) -> tool.name().equals(name)).findFirst().get();
	}

	private long tasks(Session session) {
		return this.taskService
			.list(session.user().id(), java.time.ZoneOffset.UTC, dev.todobot.core.task.TaskQuery.all())
			.block()
			.items()
			.size();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> property(Map<String, Object> schema, String name) {
		return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> structured(CallToolResult result) {
		return (Map<String, Object>) result.structuredContent();
	}

	private static String text(CallToolResult result) {
		assertThat(result.content()).hasSize(1);
		return ((McpSchema.TextContent) result.content().getFirst()).text();
	}

}
