package dev.todobot.todo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Today" is the user's own day. Pago Pago (UTC-11) and Kiritimati (UTC+14) are 25 hours
 * apart, so at any moment their dates differ and at most one of them is UTC's.
 */
class TimeZoneTests extends TodoHttpTestSupport {

	@Test
	void tasksDueTodayAreThoseOfTheUsersOwnDay() {
		for (String zone : List.of("Pacific/Pago_Pago", "Pacific/Kiritimati")) {
			String token = (String) signUpIn(zone).get("token");
			LocalDate today = LocalDate.now(ZoneId.of(zone));
			addTask(token, Map.of("title", "Today in " + zone, "dueDate", today.toString()));
			addTask(token, Map.of("title", "Tomorrow in " + zone, "dueDate", today.plusDays(1).toString()));
			call("listTasks", token, Map.of("due", "today")).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[*].title")
				.isEqualTo(List.of("Today in " + zone));
		}
	}

	@Test
	void theSessionSaysTheUsersTimeZone() {
		assertThat(((Map<?, ?>) signUpIn("Europe/Berlin").get("user")).get("timeZone")).isEqualTo("Europe/Berlin");
	}

	@Test
	void aUserWithoutATimeZoneCountsDaysInUtc() {
		assertThat(((Map<?, ?>) signUpIn(null).get("user")).get("timeZone")).isEqualTo("UTC");
	}

	private Map<?, ?> signUpIn(String zone) {
		Map<String, String> body = new HashMap<>(
				Map.of("email", UUID.randomUUID() + "@example.com", "password", "correct horse"));
		if (zone != null) {
			body.put("timeZone", zone);
		}
		return http().post()
			.uri("/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
