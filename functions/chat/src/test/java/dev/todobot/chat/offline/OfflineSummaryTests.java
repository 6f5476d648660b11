package dev.todobot.chat.offline;

import org.junit.jupiter.api.Test;

import static dev.todobot.chat.offline.OfflineConversation.assertText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool results are read by the tool contract: structured content as JSON (what
 * langchain4j-mcp passes on when there is some), also in other shapes, and a result
 * without structured content as an error, with or without the {@code isError} flag.
 */
class OfflineSummaryTests {

	@Test
	void findsTheTaskNestedAnywhereInJson() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("complete task 12");

		String reply = assertText(chat.toolAnswers("{\"result\":{\"task\":{\"taskId\":12,\"title\":\"buy milk\"}}}"));

		assertThat(reply).isEqualTo("Marked “buy milk” as done.");
	}

	@Test
	void readsSnakeCaseFields() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("add buy milk");

		String reply = assertText(chat.toolAnswers(
				"{\"id\":1,\"title\":\"buy milk\",\"due_date\":\"2026-06-10T00:00:00Z\",\"priority\":\"LOW\",\"tags\":\"shop, food\"}"));

		assertThat(reply).isEqualTo("Added “buy milk” (due today, low priority, #shop, #food).");
	}

	@Test
	void takesAResultWithoutStructuredContentForAFailure() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("complete task 3");

		assertThat(assertText(chat.toolAnswers("The task list is read-only today.")))
			.isEqualTo("Sorry, I couldn't complete task 3: The task list is read-only today.");
	}

	@Test
	void passesOnAnErrorFlaggedByTheAiService() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("complete task 99");

		assertThat(assertText(chat.toolFails("Task 99 does not exist")))
			.isEqualTo("Sorry, I couldn't complete task 99: Task 99 does not exist");
	}

	@Test
	void recognizesAnErrorWithoutStructuredContentWhenTheFlagIsLost() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("delete task 99");

		assertThat(assertText(chat.toolAnswers("Error: task 99 not found")))
			.isEqualTo("Sorry, I couldn't delete task 99: Error: task 99 not found");
	}

	@Test
	void recognizesTheMcpFunctionsNotFoundWhenTheFlagIsLost() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("complete task 99");

		assertThat(assertText(chat.toolAnswers("No task 99 among your tasks; list_tasks shows the ids of your tasks.")))
			.isEqualTo("Sorry, I couldn't complete task 99: No task 99 among your tasks; list_tasks shows the ids of"
					+ " your tasks.");
	}

	@Test
	void recognizesTheMcpClientTimeout() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show my tasks");

		assertThat(assertText(chat.toolAnswers("There was a timeout executing the tool")))
			.isEqualTo("Sorry, I couldn't get your tasks: There was a timeout executing the tool");
	}

	@Test
	void takesTheDetailOfAProblemJson() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("add x");

		String reply = assertText(chat.toolAnswers(
				"{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"title must be at most 200 characters\"}"));

		assertThat(reply).isEqualTo("Sorry, I couldn't add that task: title must be at most 200 characters");
	}

	@Test
	void takesTheMessageOfAStructuredError() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("update task 4 to tomorrow");

		assertThat(assertText(chat.toolFails("{\"error\":{\"code\":\"not_found\",\"message\":\"no task 4\"}}")))
			.isEqualTo("Sorry, I couldn't change task 4: no task 4");
	}

	@Test
	void shortensLongResults() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("complete task 3");

		String reply = assertText(chat.toolAnswers("ok ".repeat(400)));

		assertThat(reply).hasSizeLessThan(600).endsWith("…");
	}

}
