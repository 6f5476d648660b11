package dev.todobot.chat.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.todobot.chat.offline.OfflineConversation.assertCall;
import static dev.todobot.chat.offline.OfflineConversation.assertText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on a task by its number become one call of {@code complete_task},
 * {@code delete_task} or {@code update_task}, then a summary.
 */
class OfflineChangeTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
							complete task 3                    | complete_task | {"task_id":3}
							Done with 3                        | complete_task | {"task_id":3}
							done 3                             | complete_task | {"task_id":3}
							finish #3                          | complete_task | {"task_id":3}
							mark task 3 as done                | complete_task | {"task_id":3}
							mark 3 complete                    | complete_task | {"task_id":3}
							check off task 3                   | complete_task | {"task_id":3}
							tick 3 off                         | complete_task | {"task_id":3}
							task 3 is done                     | complete_task | {"task_id":3}
							I'm done with task number 3        | complete_task | {"task_id":3}
							please complete task 3, thanks     | complete_task | {"task_id":3}
							delete task 3                      | delete_task   | {"task_id":3}
							delete #3                          | delete_task   | {"task_id":3}
							remove task 3 from my list         | delete_task   | {"task_id":3}
							get rid of 3                       | delete_task   | {"task_id":3}
							reopen task 3                      | update_task   | {"task_id":3,"completed":false}
							undo task 3                        | update_task   | {"task_id":3,"completed":false}
							mark task 3 as not done            | update_task   | {"task_id":3,"completed":false}
							rename task 3 to buy oat milk      | update_task   | {"task_id":3,"title":"buy oat milk"}
							change the title of 3 to "call dad"| update_task   | {"task_id":3,"title":"call dad"}
							change task 3 to buy oat milk      | update_task   | {"task_id":3,"title":"buy oat milk"}
							move task 3 to friday              | update_task   | {"task_id":3,"due_date":"2026-06-12"}
							postpone task 3 until tomorrow     | update_task   | {"task_id":3,"due_date":"2026-06-11"}
							reschedule #3 for next week        | update_task   | {"task_id":3,"due_date":"2026-06-15"}
							change the due date of 3 to 2030-01-02 | update_task | {"task_id":3,"due_date":"2030-01-02"}
							make task 3 due in 2 weeks         | update_task   | {"task_id":3,"due_date":"2026-06-24"}
							make task 3 urgent                 | update_task   | {"task_id":3,"priority":"high"}
							make task 3 high priority          | update_task   | {"task_id":3,"priority":"high"}
							set task 3 to low priority         | update_task   | {"task_id":3,"priority":"low"}
							set the priority of task 3 to medium | update_task | {"task_id":3,"priority":"medium"}
							prioritize task 3                  | update_task   | {"task_id":3,"priority":"high"}
							deprioritize task 3                | update_task   | {"task_id":3,"priority":"low"}
							task 3 is urgent                   | update_task   | {"task_id":3,"priority":"high"}
							done: 3                            | complete_task | {"task_id":3}
							change task 3 title to call dad    | update_task   | {"task_id":3,"title":"call dad"}
							set task 3 priority to high        | update_task   | {"task_id":3,"priority":"high"}
							update task 3 due date to tomorrow | update_task   | {"task_id":3,"due_date":"2026-06-11"}
							move task 3 to friday at 5pm       | update_task   | {"task_id":3,"due_date":"2026-06-12","due_time":"17:00"}
							reschedule #3 for tomorrow at 9:30 | update_task   | {"task_id":3,"due_date":"2026-06-11","due_time":"09:30"}
							move task 3 to 3pm                 | update_task   | {"task_id":3,"due_time":"15:00"}
					rename task 3 to team call at 5pm  | update_task   | {"task_id":3,"title":"team call at 5pm"}
					change task 3 to standup at 9:30   | update_task   | {"task_id":3,"title":"standup at 9:30"}
							""")
	void changesTaskByNumber(String message, String tool, String arguments) {
		assertCall(OfflineConversation.withMcpTools().say(message), tool, arguments);
	}

	@Test
	void confirmsCompletion() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("complete task 3");

		String reply = assertText(chat.toolAnswers("{\"id\":3,\"title\":\"buy milk\",\"completed\":true}"));

		assertThat(reply).isEqualTo("Marked “buy milk” as done.");
	}

	@Test
	void confirmsDeletionByNumberWhenTheResultHasNoTitle() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("delete task 3");

		assertThat(assertText(chat.toolAnswers("{\"id\":3,\"deleted\":true}"))).isEqualTo("Deleted task 3.");
	}

	@Test
	void confirmsReopening() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("reopen task 3");

		assertThat(assertText(chat.toolAnswers("{\"id\":3,\"title\":\"buy milk\",\"completed\":false}")))
			.isEqualTo("Reopened “buy milk”.");
	}

	@Test
	void confirmsANewDueDate() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("move task 3 to tomorrow");

		assertThat(assertText(chat.toolAnswers("{\"id\":3,\"title\":\"buy milk\",\"dueDate\":\"2026-06-11\"}")))
			.isEqualTo("“buy milk” is now due tomorrow.");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			move task 3 to friday | 18:00 | “call mum” is now due 2026-06-12 at 18:00.
			move task 3 to 3pm    | 15:00 | “call mum” is now due 2026-06-12 at 15:00.
			""")
	void confirmsWhenTheTaskIsNowDueAsTheResultHasIt(String message, String dueTime, String reply) {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say(message);

		assertThat(assertText(chat.toolAnswers("{\"id\":3,\"title\":\"call mum\",\"completed\":false,"
				+ "\"due_date\":\"2026-06-12\",\"due_time\":\"" + dueTime + "\",\"version\":2}")))
			.isEqualTo(reply);
	}

	@Test
	void confirmsANewPriority() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("make task 3 urgent");

		assertThat(assertText(chat.toolAnswers("{\"id\":3,\"title\":\"buy milk\",\"priority\":\"high\"}")))
			.isEqualTo("“buy milk” is now high priority.");
	}

	@Test
	void asksForADateItCannotRead() {
		String reply = assertText(OfflineConversation.withMcpTools().say("move task 3 to someday"));

		assertThat(reply).startsWith("I can't read “someday” as a date.");
	}

	@Test
	void asksWhenNoDateIsGiven() {
		assertThat(assertText(OfflineConversation.withMcpTools().say("postpone task 3"))).startsWith("To when?");
	}

	@Test
	void asksWhichTaskForAPronoun() {
		assertThat(assertText(OfflineConversation.withMcpTools().say("delete it")))
			.startsWith("Which task do you mean?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "delete all tasks", "complete everything" })
	void changesOneTaskAtATime(String message) {
		assertThat(assertText(OfflineConversation.withMcpTools().say(message)))
			.startsWith("I change one task at a time.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			complete task 3 and 4 | complete_task
			delete #3, #4         | delete_task
			""")
	void changesEachTaskNamed(String message, String tool) {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		assertCall(chat.say(message), tool, "{\"task_id\":3}");
		assertCall(chat.toolAnswers("{\"id\":3,\"title\":\"buy milk\"}"), tool, "{\"task_id\":4}");
		assertThat(assertText(chat.toolAnswers("{\"id\":4,\"title\":\"buy bread\"}"))).contains("buy milk",
				"buy bread");
	}

}
