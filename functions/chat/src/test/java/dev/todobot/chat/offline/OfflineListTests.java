package dev.todobot.chat.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.todobot.chat.offline.OfflineConversation.assertCall;
import static dev.todobot.chat.offline.OfflineConversation.assertText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions about the list become one {@code list_tasks} call, then a summary.
 */
class OfflineListTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			show my tasks                     | {}
			list tasks                        | {}
			my todos                          | {}
			show all tasks                    | {"status":"all"}
			show everything                   | {"status":"all"}
			what's still open?                | {"status":"pending"}
			What do I have to do?             | {"status":"pending"}
			show my open tasks                | {"status":"pending"}
			open tasks                        | {"status":"pending"}
			what's left                       | {"status":"pending"}
			show done tasks                   | {"status":"completed"}
			what have I completed?            | {"status":"completed"}
			what's overdue?                   | {"due":"overdue"}
			overdue                           | {"due":"overdue"}
			anything due today?               | {"due":"today"}
			what is due this week             | {"due":"week"}
			tasks tagged work                 | {"tag":"work"}
			show #work                        | {"tag":"work"}
			open tasks tagged Work            | {"status":"pending","tag":"work"}
			high priority tasks               | {"priority":"high"}
			show urgent tasks                 | {"priority":"high"}
			show low priority tasks           | {"priority":"low"}
			tasks about milk                  | {"query":"milk"}
			find milk                         | {"query":"milk"}
			search for the milk tasks         | {"query":"milk"}
			find open tasks about oat milk    | {"status":"pending","query":"oat milk"}
			show the first 5 tasks            | {"limit":5}
			show top 500 tasks                | {"limit":100}
			what should I do today?           | {"status":"pending","due":"today"}
			what is due tomorrow              | {"due":"week"}
			#work                             | {"tag":"work"}
			""")
	void listsTasks(String message, String arguments) {
		assertCall(OfflineConversation.withMcpTools().say(message), "list_tasks", arguments);
	}

	@Test
	void summarizesOpenTasksWithTheirNumbers() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("what's still open?");

		String reply = assertText(chat.toolAnswers("""
				{"items":[
				  {"id":1,"title":"buy milk","completed":false,"dueDate":"2026-06-11","priority":"medium","tags":[]},
				  {"id":2,"title":"call mom","completed":false,"dueDate":null,"priority":"high","tags":["family"]}
				],"nextCursor":null}"""));

		assertThat(reply).isEqualTo("""
				You have 2 open tasks:
				#1 buy milk (due tomorrow)
				#2 call mom (high priority, #family)""");
	}

	@Test
	void saysAllIsDoneWhenNothingIsOpen() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("what's still open?");

		assertThat(assertText(chat.toolAnswers("{\"items\":[],\"nextCursor\":null}")))
			.isEqualTo("Nothing is open — all done!");
	}

	@Test
	void namesTheFiltersWhenNothingMatches() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("open tasks tagged work about milk");

		assertThat(assertText(chat.toolAnswers("{\"tasks\":[]}")))
			.isEqualTo("You have no open tasks tagged #work matching “milk”.");
	}

	@Test
	void suggestsAddingWhenThereAreNoTasksAtAll() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show my tasks");

		assertThat(assertText(chat.toolAnswers("{\"items\":[]}"))).startsWith("You have no tasks yet.");
	}

	@Test
	void marksOverdueAndDoneTasks() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show all tasks");

		String reply = assertText(chat.toolAnswers("""
				{"items":[{"id":4,"title":"pay rent","completed":false,"dueDate":"2026-06-01"},
				          {"id":5,"title":"buy milk","completed":true,"dueDate":"2026-06-01"}]}"""));

		assertThat(reply).isEqualTo("""
				You have 2 tasks:
				#4 pay rent (overdue since 2026-06-01)
				#5 buy milk (done, due 2026-06-01)""");
	}

	@Test
	void saysWhenThereIsAnotherPage() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show my tasks");

		String reply = assertText(chat.toolAnswers("{\"items\":[{\"id\":1,\"title\":\"a\"}],\"nextCursor\":\"abc\"}"));

		assertThat(reply).startsWith("You have 1 task:\n#1 a\n…and more.");
	}

	@Test
	void readsTheMcpFunctionsListWithMoreToCome() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show my open tasks");

		String reply = assertText(chat.toolAnswers(
				"""
						{"tasks":[{"id":3,"title":"buy milk","description":null,"completed":false,"due_date":"2026-06-10",
						 "priority":"low","tags":["shop"],"created_at":"2026-06-01T10:00:00Z","updated_at":"2026-06-01T10:00:00Z",
						 "completed_at":null}],"count":1,"has_more":true}"""));

		assertThat(reply).isEqualTo("""
				You have 1 open task:
				#3 buy milk (due today, low priority, #shop)
				…and more. Ask for a tag, a priority or words to narrow it down.""");
	}

	@Test
	void passesOnAResultWithoutStructuredContentAsAFailure() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show my tasks");

		assertThat(assertText(chat.toolAnswers("1. buy milk\n2. call mom")))
			.isEqualTo("Sorry, I couldn't get your tasks: 1. buy milk 2. call mom");
	}

	@Test
	void findsTasksInJsonAfterASentence() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("show my tasks");

		assertThat(assertText(
				chat.toolAnswers("Found 1 task: [{\"id\":\"7\",\"title\":\"buy milk\",\"status\":\"done\"}]")))
			.isEqualTo("You have 1 task:\n#7 buy milk (done)");
	}

}
