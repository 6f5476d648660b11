package dev.todobot.chat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeating tasks and reminders by chat, with the built-in model, through the real mcp
 * function into PostgreSQL.
 */
class RemindersChatTests extends ChatTestSupport {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void aSentenceAddsAMonthlyTaskThatRemindsAtItsTimeInTheUsersZone() {
		TestUser user = newUser(BERLIN.getId());

		Map<?, ?> answer = chatOk(user, Map.of("message", "remind me to pay rent every month on the 1st at 9"));

		LocalDate today = LocalDate.now(BERLIN);
		LocalDate first = (today.getDayOfMonth() == 1) ? today : today.plusMonths(1).withDayOfMonth(1);
		long remindAt = ZonedDateTime.of(first, LocalTime.of(9, 0), BERLIN).toEpochSecond();
		assertThat(EmbeddedDatabase.count("select count(*) from tasks where user_id = " + user.id()
				+ " and title = 'pay rent' and recurrence = 'FREQ=MONTHLY;BYMONTHDAY=1' and due_date = date '" + first
				+ "' and due_time = time '09:00' and remind_before_minutes = 0 and extract(epoch from remind_at) = "
				+ remindAt))
			.isOne();
		assertThat((String) answer.get("reply")).contains("pay rent", "repeats every month", "with a reminder");
	}

	@Test
	void aUserAsksForTheRemindersThatCameDue() {
		TestUser user = newUser(BERLIN.getId());
		chatOk(user, Map.of("message", "add call the bank tomorrow"));
		long task = EmbeddedDatabase.count("select id from tasks where user_id = " + user.id());
		EmbeddedDatabase.execute("insert into reminders (user_id, task_id, title, due_date, remind_at) values ("
				+ user.id() + ", " + task + ", 'call the bank', current_date + 1, now())");
		TestUser other = newUser();
		EmbeddedDatabase.execute("insert into reminders (user_id, title, remind_at) values (" + other.id()
				+ ", 'someone else''s secret', now())");

		Map<?, ?> answer = chatOk(user, Map.of("message", "any reminders?"));

		assertThat((String) answer.get("reply")).startsWith("You have 1 reminder:")
			.contains("#" + task + " call the bank")
			.doesNotContain("secret");
	}

}
