package dev.todobot.chat.offline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.ToolExecution;
import org.junit.jupiter.api.Test;

import static dev.todobot.chat.offline.OfflineConversation.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the offline model through a real langchain4j AI Service, with local tools in the
 * place of the MCP ones, to prove the tool loop end to end.
 */
class OfflineAiServicesTests {

	interface Assistant {

		Result<String> chat(String message);

	}

	interface StreamingAssistant {

		TokenStream chat(String message);

	}

	private final OfflineChatModel model = OfflineChatModel.builder().clock(OfflineConversation.CLOCK).build();

	@Test
	void addsListsAndCompletesByWordsThroughTheToolLoop() {
		Assistant assistant = AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.tools(new LocalTodoTools())
			.chatMemory(MessageWindowChatMemory.withMaxMessages(100))
			.build();

		Result<String> added = assistant.chat("add buy milk tomorrow #shop");
		assertExecuted(added, "add_task", "{\"title\":\"buy milk\",\"due_date\":\"2026-06-11\",\"tags\":[\"shop\"]}");
		assertThat(added.content()).isEqualTo("Added “buy milk” (due tomorrow, #shop).");

		assistant.chat("add call mom");
		Result<String> listed = assistant.chat("what's still open?");
		assertExecuted(listed, "list_tasks", "{\"status\":\"pending\"}");
		assertThat(listed.content()).isEqualTo("""
				You have 2 open tasks:
				#1 buy milk (due tomorrow, #shop)
				#2 call mom""");

		Result<String> completed = assistant.chat("mark the milk done");
		assertThat(completed.toolExecutions()).extracting((execution) -> execution.request().name())
			.containsExactly("list_tasks", "complete_task");
		assertThat(json(completed.toolExecutions().get(0).request().arguments()))
			.isEqualTo(json("{\"status\":\"pending\",\"query\":\"milk\"}"));
		assertThat(json(completed.toolExecutions().get(1).request().arguments())).isEqualTo(json("{\"task_id\":1}"));
		assertThat(completed.content()).isEqualTo("Marked “buy milk” as done.");

		Result<String> open = assistant.chat("what's still open?");
		assertThat(open.content()).isEqualTo("You have 1 open task:\n#2 call mom");
	}

	@Test
	void asksWhichOneAndActsOnTheAnswerAcrossTurns() {
		Assistant assistant = AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.tools(new LocalTodoTools())
			.chatMemory(MessageWindowChatMemory.withMaxMessages(100))
			.build();
		assistant.chat("add buy milk");
		assistant.chat("add milk the cow");

		Result<String> question = assistant.chat("delete the milk task");
		assertThat(question.toolExecutions()).extracting((execution) -> execution.request().name())
			.containsExactly("list_tasks");
		assertThat(question.content()).contains("#1 buy milk", "#2 milk the cow", "Which one should I delete?");

		Result<String> deleted = assistant.chat("2");
		assertExecuted(deleted, "delete_task", "{\"task_id\":2}");
		assertThat(deleted.content()).isEqualTo("Deleted “milk the cow”.");
	}

	@Test
	void passesOnAToolFailureThroughTheToolLoop() {
		Assistant assistant = AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.tools(new LocalTodoTools())
			.build();

		Result<String> result = assistant.chat("complete task 42");

		assertThat(result.toolExecutions()).singleElement().satisfies((execution) -> {
			assertThat(execution.request().name()).isEqualTo("complete_task");
			assertThat(execution.hasFailed()).isTrue();
		});
		assertThat(result.content()).isEqualTo("Sorry, I couldn't complete task 42: Task 42 not found");
	}

	@Test
	void streamsThroughTheToolLoopWithConcurrentToolExecution() throws Exception {
		StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class)
			.streamingChatModel(this.model)
			.tools(new LocalTodoTools())
			.chatMemory(MessageWindowChatMemory.withMaxMessages(100))
			// the AI Service then runs tools as onCompleteToolCall announces them
			.executeToolsConcurrently()
			.build();

		StringBuilder streamed = new StringBuilder();
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		List<ToolExecution> executions = new CopyOnWriteArrayList<>();
		assistant.chat("add buy milk tomorrow")
			.onPartialResponse(streamed::append)
			.onToolExecuted(executions::add)
			.onCompleteResponse(done::complete)
			.onError(done::completeExceptionally)
			.start();
		ChatResponse response = done.get(10, TimeUnit.SECONDS);

		assertThat(executions).extracting((execution) -> execution.request().name()).containsExactly("add_task");
		assertThat(streamed).hasToString("Added “buy milk” (due tomorrow).");
		assertThat(response.aiMessage().text()).isEqualTo(streamed.toString());
	}

	private static void assertExecuted(Result<String> result, String tool, String arguments) {
		assertThat(result.toolExecutions()).singleElement().satisfies((execution) -> {
			assertThat(execution.request().name()).isEqualTo(tool);
			assertThat(json(execution.request().arguments())).isEqualTo(json(arguments));
		});
	}

}
