package dev.todobot.todo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due times, reminders and recurrence over REST: computed in the owner's zone, checked
 * field by field, and never half written.
 */
class RemindersAndRecurrenceTests extends TodoHttpTestSupport {

	@Test
	void aTaskCarriesItsTimeReminderAndRecurrence() {
		String token = signUpIn("Europe/Berlin");

		Map<?, ?> task = add(token, Map.of("title", "Pay rent", "dueDate", "2027-07-01", "dueTime", "18:30",
				"remindBeforeMinutes", 60, "recurrence", "FREQ=MONTHLY;BYMONTHDAY=1"));

		assertThat(task.get("dueTime")).isEqualTo("18:30");
		assertThat(task.get("remindAt")).isEqualTo("2027-07-01T15:30:00Z");
		assertThat(task.get("remindBeforeMinutes")).isEqualTo(60);
		assertThat(task.get("recurrence")).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=1");
		assertThat(task.get("recurrenceText")).isEqualTo("every month on day 1");
		assertThat(task.get("remindedAt")).isNull();
		call("getTask", token, Map.of("id", task.get("id"))).expectBody(Map.class).isEqualTo(task);
	}

	@Test
	void aReminderGivenAsAnInstantWithAnOffsetIsKeptAsThatInstant() {
		String token = signUp();

		Map<?, ?> task = add(token, Map.of("title", "Call mum", "remindAt", "2030-05-03T09:00:00+02:00"));

		assertThat(task.get("remindAt")).isEqualTo("2030-05-03T07:00:00Z");
		assertThat(task.get("remindBeforeMinutes")).isNull();
	}

	static Stream<Arguments> badSchedules() {
		return Stream.of(Arguments.of("{\"title\":\"t\",\"dueTime\":\"09:00\"}", "dueTime"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"dueTime\":\"25:00\"}", "dueTime"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"dueTime\":\"nine\"}", "dueTime"),
				Arguments.of("{\"title\":\"t\",\"remindBeforeMinutes\":10}", "remindBeforeMinutes"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"remindBeforeMinutes\":-1}",
						"remindBeforeMinutes"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"remindBeforeMinutes\":525601}",
						"remindBeforeMinutes"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"remindBeforeMinutes\":5,"
						+ "\"remindAt\":\"2030-01-01T08:00:00Z\"}", "remindAt"),
				Arguments.of("{\"title\":\"t\",\"remindAt\":\"tomorrow\"}", "remindAt"),
				Arguments.of("{\"title\":\"t\",\"remindAt\":\"1900-01-01T00:00:00Z\"}", "remindAt"),
				Arguments.of("{\"title\":\"t\",\"recurrence\":\"FREQ=DAILY\"}", "recurrence"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"recurrence\":\"FREQ=HOURLY\"}",
						"recurrence"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"recurrence\":\"every day\"}", "recurrence"),
				Arguments.of("{\"title\":\"t\",\"dueDate\":\"2030-01-01\",\"recurrence\":\"FREQ=DAILY;BYHOUR=9\"}",
						"recurrence"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSchedules")
	void aBadScheduleIsABadRequestNamingTheFieldAndAddsNothing(String body, String field) {
		String token = signUp();

		call("addTask", token, body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field)
			.jsonPath("$.detail")
			.isNotEmpty();
		call("listTasks", token, Map.of()).expectBody().jsonPath("$.items").isEmpty();
	}

	@Test
	void aBadScheduleInAnUpdateLeavesTheTaskAsItWas() {
		String token = signUp();
		Map<?, ?> task = add(token, Map.of("title", "Stretch", "dueDate", "2030-01-01", "recurrence", "FREQ=DAILY"));

		call("updateTask", token,
				"{\"id\":" + task.get("id") + ",\"title\":\"Renamed\",\"dueDate\":null,\"dueTime\":\"08:00\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("dueTime");

		call("getTask", token, Map.of("id", task.get("id"))).expectBody(Map.class).isEqualTo(task);
	}

	@Test
	void anUpdateMovesTheReminderWithTheDueTimeAndNullClearsTheRecurrence() {
		String token = signUpIn("America/New_York");
		Map<?, ?> task = add(token, Map.of("title", "Standup", "dueDate", "2027-01-11", "dueTime", "09:00",
				"remindBeforeMinutes", 15, "recurrence", "FREQ=WEEKLY;BYDAY=MO,WE"));
		assertThat(task.get("recurrenceText")).isEqualTo("every week on Monday and Wednesday");

		Map<?, ?> moved = update(token, "{\"id\":" + task.get("id") + ",\"dueTime\":\"10:00\",\"recurrence\":null}");

		assertThat(moved.get("remindAt")).isEqualTo("2027-01-11T14:45:00Z");
		assertThat(moved.get("recurrence")).isNull();
		assertThat(moved.get("recurrenceText")).isNull();
		assertThat(moved.get("version")).isEqualTo(((Number) task.get("version")).intValue() + 1);
	}

	@Test
	void anotherUsersTaskCannotBeRescheduled() {
		String owner = signUp();
		Map<?, ?> task = add(owner, Map.of("title", "Mine", "dueDate", "2030-01-01"));

		call("updateTask", signUp(), Map.of("id", task.get("id"), "dueTime", "07:00")).expectStatus().isNotFound();

		call("getTask", owner, Map.of("id", task.get("id"))).expectBody(Map.class).isEqualTo(task);
	}

	private Map<?, ?> add(String token, Map<String, ?> task) {
		return call("addTask", token, task).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> update(String token, String body) {
		return call("updateTask", token, body).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private String signUpIn(String zone) {
		Map<String, String> body = new HashMap<>(
				Map.of("email", UUID.randomUUID() + "@example.com", "password", "correct horse", "timeZone", zone));
		return (String) http().post()
			.uri("/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
	}

}
