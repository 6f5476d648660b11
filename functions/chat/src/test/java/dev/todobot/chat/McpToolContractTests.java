package dev.todobot.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.todobot.core.tool.ToolContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.todobot.core.tool.ToolContract.ADD_TASK;
import static dev.todobot.core.tool.ToolContract.COMPLETED;
import static dev.todobot.core.tool.ToolContract.COMPLETE_TASK;
import static dev.todobot.core.tool.ToolContract.DELETE_TASK;
import static dev.todobot.core.tool.ToolContract.DESCRIPTION;
import static dev.todobot.core.tool.ToolContract.DUE;
import static dev.todobot.core.tool.ToolContract.DUE_DATE;
import static dev.todobot.core.tool.ToolContract.LIMIT;
import static dev.todobot.core.tool.ToolContract.LIST_TASKS;
import static dev.todobot.core.tool.ToolContract.PRIORITY;
import static dev.todobot.core.tool.ToolContract.QUERY;
import static dev.todobot.core.tool.ToolContract.STATUS;
import static dev.todobot.core.tool.ToolContract.TAG;
import static dev.todobot.core.tool.ToolContract.TAGS;
import static dev.todobot.core.tool.ToolContract.TASK_ID;
import static dev.todobot.core.tool.ToolContract.TITLE;
import static dev.todobot.core.tool.ToolContract.UPDATE_TASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool contract the offline model calls by ({@link ToolContract}) is the one the real
 * mcp function lists: the same tools, with the contract's input and output schemas, and
 * every argument the offline model sends declared there.
 */
class McpToolContractTests {

	/** The arguments the offline model sends, by tool. */
	private static final Map<String, List<String>> OFFLINE_ARGUMENTS = Map.of(ADD_TASK,
			List.of(TITLE, DESCRIPTION, DUE_DATE, PRIORITY, TAGS), LIST_TASKS,
			List.of(STATUS, PRIORITY, TAG, QUERY, DUE, LIMIT), COMPLETE_TASK, List.of(TASK_ID), DELETE_TASK,
			List.of(TASK_ID), UPDATE_TASK, List.of(TASK_ID, TITLE, DESCRIPTION, DUE_DATE, PRIORITY, TAGS, COMPLETED));

	private static Map<String, JsonNode> listed;

	@BeforeAll
	static void listTools() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(McpServer.url()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.header("Authorization", "Bearer " + ChatTestSupport.newUser().token())
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			listed = new LinkedHashMap<>();
			JsonMapper.shared()
				.readTree(response.body())
				.path("result")
				.path("tools")
				.forEach((tool) -> listed.put(tool.path("name").asString(), tool));
		}
	}

	@Test
	void mcpListsExactlyTheContractsTools() {
		assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(ToolContract.inputSchemas().keySet());
	}

	@Test
	void eachToolTakesTheContractsInputSchema() {
		ToolContract.inputSchemas()
			.forEach((name, schema) -> assertThat(listed.get(name).path("inputSchema")).as(name)
				.isEqualTo(JsonMapper.shared().readTree(schema)));
	}

	@Test
	void eachToolAnswersWithTheContractsOutputSchema() {
		ToolContract.outputSchemas()
			.forEach((name, schema) -> assertThat(listed.get(name).path("outputSchema")).as(name)
				.isEqualTo(JsonMapper.shared().readTree(schema)));
	}

	@Test
	void everyArgumentTheOfflineModelSendsIsDeclared() {
		OFFLINE_ARGUMENTS.forEach(
				(name, arguments) -> assertThat(listed.get(name).path("inputSchema").path("properties").propertyNames())
					.as(name)
					.containsAll(arguments));
	}

}
