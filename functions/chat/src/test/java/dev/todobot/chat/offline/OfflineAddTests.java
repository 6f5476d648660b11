package dev.todobot.chat.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.todobot.chat.offline.OfflineConversation.assertCall;
import static dev.todobot.chat.offline.OfflineConversation.assertText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "add ..." becomes one {@code add_task} call. Today is Wednesday 2026-06-10.
 */
class OfflineAddTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					add buy milk                              | {"title":"buy milk"}
					Add Buy Milk                              | {"title":"Buy Milk"}
					add buy milk tomorrow #shop               | {"title":"buy milk","due_date":"2026-06-11","tags":["shop"]}
					add a task to call mom on friday          | {"title":"call mom","due_date":"2026-06-12"}
					add call mom by Friday                    | {"title":"call mom","due_date":"2026-06-12"}
					add water plants friday                   | {"title":"water plants","due_date":"2026-06-12"}
					add pay rent today, urgent                | {"title":"pay rent","due_date":"2026-06-10","priority":"high"}
					add book flights next week                | {"title":"book flights","due_date":"2026-06-15"}
					add renew passport in 3 days              | {"title":"renew passport","due_date":"2026-06-13"}
					add file taxes 2030-05-03                 | {"title":"file taxes","due_date":"2030-05-03"}
					add file taxes due 2030-05-03 !high       | {"title":"file taxes","due_date":"2030-05-03","priority":"high"}
					add dentist on July 3rd                   | {"title":"dentist","due_date":"2026-07-03"}
					add clean garage high priority            | {"title":"clean garage","priority":"high"}
					add clean garage with low priority        | {"title":"clean garage","priority":"low"}
					add important: sign the contract         | {"title":"sign the contract","priority":"high"}
					add read a book #fun #Books               | {"title":"read a book","tags":["fun","books"]}
					add fix bike tagged garage                | {"title":"fix bike","tags":["garage"]}
					remind me to call mom tomorrow            | {"title":"call mom","due_date":"2026-06-11","remind_before_minutes":0}
					Remind me about the dentist on monday     | {"title":"the dentist","due_date":"2026-06-15","remind_before_minutes":0}
					I need to renew my passport               | {"title":"renew my passport"}
					i have to do laundry tonight              | {"title":"do laundry","due_date":"2026-06-10"}
					new task: water the plants                | {"title":"water the plants"}
					create a new task buy bread               | {"title":"buy bread"}
					please add buy eggs to my list            | {"title":"buy eggs"}
					add to my list: buy eggs                  | {"title":"buy eggs"}
					don't forget to feed the cat              | {"title":"feed the cat"}
					todo: email Bob                           | {"title":"email Bob"}
					add buy milk; note: the oat one           | {"title":"buy milk","description":"the oat one"}
					add "call the urgent care clinic" monday  | {"title":"call the urgent care clinic","due_date":"2026-06-15"}
					add prepare talk the day after tomorrow   | {"title":"prepare talk","due_date":"2026-06-12"}
					add plan monday meeting on friday         | {"title":"plan monday meeting","due_date":"2026-06-12"}
					add buy milk!                             | {"title":"buy milk"}
					add pay rent on the 15th                  | {"title":"pay rent","due_date":"2026-06-15"}
					add submit report by the end of the week  | {"title":"submit report","due_date":"2026-06-12"}
					add plan monday meeting                   | {"title":"plan monday meeting"}
					add tomorrow's standup notes              | {"title":"tomorrow's standup notes"}
					add review PR #42                         | {"title":"review PR #42"}
					""")
	void addsTask(String message, String arguments) {
		assertCall(OfflineConversation.withMcpTools().say(message), "add_task", arguments);
	}

	@Test
	void confirmsTheAddedTaskFromItsStructuredContent() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("add buy milk tomorrow #shop !high");

		String reply = assertText(chat.toolAnswers("""
				{"id":12,"title":"buy milk","description":null,"completed":false,"dueDate":"2026-06-11",
				 "priority":"high","tags":["shop"],"createdAt":"2026-06-10T09:00:00Z"}"""));

		assertThat(reply).isEqualTo("Added “buy milk” (due tomorrow, high priority, #shop).");
	}

	@Test
	void confirmsWithTheIsoDateBeyondTomorrow() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("add file taxes 2026-12-01");

		String reply = assertText(chat
			.toolAnswers("{\"id\":3,\"title\":\"file taxes\",\"dueDate\":\"2026-12-01\",\"priority\":\"medium\"}"));

		assertThat(reply).isEqualTo("Added “file taxes” (due 2026-12-01).");
	}

	@Test
	void asksForATitleWhenThereIsNone() {
		String reply = assertText(OfflineConversation.withMcpTools().say("add tomorrow #shop"));

		assertThat(reply).startsWith("What should the task say?");
	}

	@Test
	void keepsAtMostTenTags() {
		assertCall(OfflineConversation.withMcpTools().say("add x #a #b #c #d #e #f #g #h #i #j #k #l"), "add_task",
				"{\"title\":\"x\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]}");
	}

}
