package dev.todobot.todo;

import java.util.List;
import java.util.Map;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * listReminders and dismissReminders over the rows the reminders function writes (added
 * here with SQL): each user sees and dismisses only their own.
 */
class ReminderRoutesTests extends TodoHttpTestSupport {

	@Test
	void aUserListsTheirOwnOpenRemindersNewestFirst() {
		Map<?, ?> session = signUpSession();
		String token = (String) session.get("token");
		long user = userId(session);
		long task = addTask(token, Map.of("title", "Pay rent", "dueDate", "2030-06-01", "dueTime", "09:00"));
		long older = remind(user, task, "Pay rent", "2030-06-01 07:00:00+00", "2030-06-01 07:00:05+00");
		long newer = remind(user, task, "Pay rent", "2030-06-02 07:00:00+00", "2030-06-02 07:00:05+00");
		long dismissed = remind(user, task, "Pay rent", "2030-06-03 07:00:00+00", "2030-06-03 07:00:05+00");
		EmbeddedDatabase.execute("update reminders set dismissed_at = now() where id = " + dismissed);
		Map<?, ?> stranger = signUpSession();
		remind(userId(stranger), addTask((String) stranger.get("token"), Map.of("title", "Theirs")), "Theirs",
				"2030-06-01 07:00:00+00", "2030-06-01 07:00:05+00");

		call("listReminders", token, Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(List.of((int) newer, (int) older))
			.jsonPath("$.items[0]")
			.isEqualTo(Map.of("id", (int) newer, "taskId", (int) task, "title", "Pay rent", "dueDate", "2030-06-01",
					"dueTime", "09:00", "remindAt", "2030-06-02T07:00:00Z", "createdAt", "2030-06-02T07:00:05Z"));
	}

	@Test
	void aUserDismissesOnlyTheirOwnReminders() {
		Map<?, ?> session = signUpSession();
		String token = (String) session.get("token");
		long mine = remind(userId(session), addTask(token, Map.of("title", "Mine")), "Mine", "2030-06-01 07:00:00+00",
				"2030-06-01 07:00:05+00");
		Map<?, ?> stranger = signUpSession();
		String theirToken = (String) stranger.get("token");
		long theirs = remind(userId(stranger), addTask(theirToken, Map.of("title", "Theirs")), "Theirs",
				"2030-06-01 07:00:00+00", "2030-06-01 07:00:05+00");

		call("dismissReminders", token, Map.of("ids", List.of(mine, theirs))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dismissed")
			.isEqualTo(1);

		call("listReminders", token, Map.of()).expectBody().jsonPath("$.items").isEmpty();
		call("listReminders", theirToken, Map.of()).expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(List.of((int) theirs));
		assertThat(count("select count(*) from reminders where dismissed_at is null and id = " + theirs)).isEqualTo(1);
	}

	@Test
	void remindersNeedAToken() {
		for (String function : List.of("listReminders", "dismissReminders")) {
			http().post()
				.uri("/" + function)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of())
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void dismissingNothingIsABadRequest() {
		call("dismissReminders", signUp(), Map.of("ids", List.of())).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("ids");
	}

	private static long userId(Map<?, ?> session) {
		return ((Number) ((Map<?, ?>) session.get("user")).get("id")).longValue();
	}

	private static long remind(long user, long task, String title, String remindAt, String createdAt) {
		EmbeddedDatabase.execute("insert into reminders (user_id, task_id, title, due_date, due_time, remind_at,"
				+ " created_at) select user_id, id, '" + title + "', due_date, due_time, '" + remindAt + "', '"
				+ createdAt + "' from tasks where id = " + task + " and user_id = " + user);
		return EmbeddedDatabase.count("select max(id) from reminders where task_id = " + task);
	}

}
