package dev.todobot.mcp;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpToolMetadataKeys;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.todobot.core.task.TaskQuery;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * langchain4j's MCP client, as the chat function uses it: Streamable HTTP, the bearer
 * token from a headers supplier.
 */
class LangChain4jClientTests extends McpHttpTestSupport {

	@Autowired
	TaskService taskService;

	private Session session;

	private McpClient client;

	@BeforeEach
	void connect() {
		this.session = signUp();
		StreamableHttpMcpTransport transport = StreamableHttpMcpTransport.builder()
			.url(url() + "/mcp")
			.customHeaders((context) -> Map.of("Authorization", "Bearer " + this.session.token()))
			.timeout(Duration.ofSeconds(30))
			.build();
		this.client = DefaultMcpClient.builder()
			.transport(transport)
			.autoHealthCheck(false)
			.toolExecutionTimeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterEach
	void disconnect() throws Exception {
		this.client.close();
	}

	@Test
	void listsTheEightToolsWithTheirParameters() {
		List<ToolSpecification> tools = this.client.listTools();
		assertThat(tools).extracting(ToolSpecification::name)
			.containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task", "complete_tasks",
					"delete_tasks", "list_reminders");
		ToolSpecification addTask = tools.getFirst();
		assertThat(addTask.parameters().required()).containsExactly("title");
		assertThat(addTask.parameters().properties()).containsOnlyKeys("title", "description", "due_date", "due_time",
				"remind_at", "remind_before_minutes", "recurrence", "priority", "tags");
		assertThat(addTask.parameters().properties().get("title")).isInstanceOf(JsonStringSchema.class);
		assertThat(addTask.parameters().properties().get("priority")).isInstanceOfSatisfying(JsonEnumSchema.class,
				(priority) -> assertThat(priority.enumValues()).containsExactly("low", "medium", "high"));
	}

	@Test
	void toolAnnotationsBecomeMetadata() {
		Map<String, ToolSpecification> tools = tools();
		assertThat(tools.get("list_tasks").metadata()).containsEntry(McpToolMetadataKeys.READ_ONLY_HINT, true);
		assertThat(tools.get("delete_task").metadata()).containsEntry(McpToolMetadataKeys.DESTRUCTIVE_HINT, true);
	}

	@Test
	void addedTaskReachesTheTaskService() {
		ToolExecutionResult result = this.client.executeTool(ToolExecutionRequest.builder()
			.id("call-1")
			.name("add_task")
			.arguments("{\"title\":\"Book dentist\",\"due_date\":\"2030-09-01\"}")
			.build());
		assertThat(result.isError()).isFalse();
		assertThat(result.resultText()).contains("\"title\":\"Book dentist\"", "\"due_date\":\"2030-09-01\"");
		List<TaskView> tasks = this.taskService.list(this.session.user().id(), ZoneOffset.UTC, TaskQuery.all())
			.block()
			.items();
		assertThat(tasks).singleElement().satisfies((task) -> {
			assertThat(task.title()).isEqualTo("Book dentist");
			assertThat(task.dueDate()).hasToString("2030-09-01");
		});
	}

	@Test
	void refusedCallIsAToolErrorTheModelCanRead() {
		assertThatExceptionOfType(ToolExecutionException.class)
			.isThrownBy(() -> this.client.executeTool(ToolExecutionRequest.builder()
				.id("call-2")
				.name("complete_task")
				.arguments("{\"task_id\":987654321}")
				.build()))
			.withMessageContaining("No task 987654321")
			.withMessageContaining("list_tasks");
	}

	private Map<String, ToolSpecification> tools() {
		return this.client.listTools()
			.stream()
			.collect(java.util.stream.Collectors.toMap(ToolSpecification::name, (tool) -> tool));
	}

}
