package dev.todobot.chat.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.todobot.chat.offline.OfflineConversation.assertCall;
import static dev.todobot.chat.offline.OfflineConversation.assertText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times of day, repeats and reminders in "add ..." and "remind me ...". Today is
 * Wednesday 2026-06-10, and it is 09:00.
 */
class OfflineScheduleTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
											remind me to pay rent every month on the 1st at 9 | {"title":"pay rent","due_date":"2026-07-01","due_time":"09:00","recurrence":"FREQ=MONTHLY;BYMONTHDAY=1","remind_before_minutes":0}
											water the plants every 3 days                     | {"title":"water the plants","due_date":"2026-06-10","recurrence":"FREQ=DAILY;INTERVAL=3"}
											remind me tomorrow at 8 to call the bank          | {"title":"call the bank","due_date":"2026-06-11","due_time":"08:00","remind_before_minutes":0}
											remind me to stretch at 8                         | {"title":"stretch","due_date":"2026-06-11","due_time":"08:00","remind_before_minutes":0}
											remind me to stretch at 10:30                     | {"title":"stretch","due_date":"2026-06-10","due_time":"10:30","remind_before_minutes":0}
											add standup every weekday at 9:15                 | {"title":"standup","due_date":"2026-06-10","due_time":"09:15","recurrence":"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}
											add gym every monday and thursday at 7pm          | {"title":"gym","due_date":"2026-06-11","due_time":"19:00","recurrence":"FREQ=WEEKLY;BYDAY=MO,TH"}
											add take out the bins on tuesdays                 | {"title":"take out the bins","due_date":"2026-06-16","recurrence":"FREQ=WEEKLY;BYDAY=TU"}
											add call mom on tuesday                           | {"title":"call mom","due_date":"2026-06-16"}
											add water the plants daily                        | {"title":"water the plants","due_date":"2026-06-10","recurrence":"FREQ=DAILY"}
											add write the weekly report                       | {"title":"write the weekly report"}
											add clean the fridge every other week             | {"title":"clean the fridge","due_date":"2026-06-10","recurrence":"FREQ=WEEKLY;INTERVAL=2"}
											add renew the car insurance every year on July 3rd | {"title":"renew the car insurance","due_date":"2026-07-03","recurrence":"FREQ=YEARLY"}
											add dentist friday at 3 and remind me an hour before | {"title":"dentist","due_date":"2026-06-12","due_time":"15:00","remind_before_minutes":60}
											add team lunch tomorrow at noon with a reminder   | {"title":"team lunch","due_date":"2026-06-11","due_time":"12:00","remind_before_minutes":0}
											remind me to pay the phone bill on the 20th       | {"title":"pay the phone bill","due_date":"2026-06-20","remind_before_minutes":0}
											add buy a 7-eleven gift card                      | {"title":"buy a 7-eleven gift card"}
											add meet Ana at 5:30pm tomorrow                   | {"title":"meet Ana","due_date":"2026-06-11","due_time":"17:30"}
									remind me to stretch                              | {"title":"stretch"}
							remind me to feed the cat every day at 01:05      | {"title":"feed the cat","due_date":"2026-06-11","due_time":"01:05","recurrence":"FREQ=DAILY","remind_before_minutes":0}
					add standup every weekday at 8:30                 | {"title":"standup","due_date":"2026-06-11","due_time":"08:30","recurrence":"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}
							add call Joe at 5                                 | {"title":"call Joe","due_date":"2026-06-10","due_time":"17:00"}
									remind me to buy flowers on saturday and book the restaurant for sunday | {"title":"buy flowers","due_date":"2026-06-13","remind_before_minutes":0}
											""")
	void addsTaskWithItsSchedule(String message, String arguments) {
		assertCall(OfflineConversation.withMcpTools().say(message), "add_task", arguments);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			any reminders?
			do I have any reminders
			show my reminders
			reminders
			what are my reminders
			""")
	void listsReminders(String message) {
		assertCall(OfflineConversation.withMcpTools().say(message), "list_reminders", "{}");
	}

	@Test
	void confirmsTheRepeatAndTheReminder() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("remind me to pay rent every month on the 1st at 9");

		String reply = assertText(chat.toolAnswers("""
				{"id":7,"title":"pay rent","description":null,"completed":false,"due_date":"2026-07-01",
				 "due_time":"09:00","priority":"medium","tags":[],"remind_at":"2026-07-01T09:00:00Z",
				 "remind_before_minutes":0,"recurrence":"FREQ=MONTHLY;BYMONTHDAY=1",
				 "recurrence_text":"every month on day 1","reminded_at":null,"created_at":"2026-06-10T09:00:00Z",
				 "updated_at":"2026-06-10T09:00:00Z","completed_at":null,"version":0}"""));

		assertThat(reply)
			.isEqualTo("Added “pay rent” (due 2026-07-01 at 09:00, repeats every month on day 1, with a reminder).");
	}

	@Test
	void tellsTheRemindersThatCameDue() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("any reminders?");

		String reply = assertText(chat.toolAnswers("""
				{"reminders":[
				 {"id":2,"task_id":7,"title":"pay rent","due_date":"2026-06-10","due_time":"09:00",
				  "remind_at":"2026-06-10T09:00:00Z","created_at":"2026-06-10T09:00:05Z"},
				 {"id":1,"task_id":4,"title":"call the bank","due_date":"2026-06-11","due_time":null,
				  "remind_at":"2026-06-10T08:00:00Z","created_at":"2026-06-10T08:00:03Z"}]}"""));

		assertThat(reply)
			.isEqualTo("You have 2 reminders:\n#7 pay rent (due today at 09:00)\n#4 call the bank (due tomorrow)");
	}

	@Test
	void saysWhenNoReminderCameDue() {
		OfflineConversation chat = OfflineConversation.withMcpTools();
		chat.say("do I have any reminders");

		assertThat(assertText(chat.toolAnswers("{\"reminders\":[]}"))).isEqualTo("You have no reminders.");
	}

}
