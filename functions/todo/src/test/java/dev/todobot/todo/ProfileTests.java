package dev.todobot.todo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * updateProfile: a new time zone or name, and a new token that carries the zone.
 */
class ProfileTests extends TodoHttpTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void aNewTimeZoneComesWithANewTokenThatCountsDaysInIt() {
		String token = signUp();
		String zone = "Pacific/Kiritimati";

		Map<?, ?> session = call("updateProfile", token, Map.of("timeZone", zone, "name", "Ana")).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat((Map<String, Object>) session.get("user")).containsEntry("timeZone", zone)
			.containsEntry("name", "Ana");
		String renewed = (String) session.get("token");
		LocalDate today = LocalDate.now(ZoneId.of(zone));
		addTask(renewed, Map.of("title", "Today in Kiritimati", "dueDate", today.toString()));
		addTask(renewed, Map.of("title", "Tomorrow there", "dueDate", today.plusDays(1).toString()));
		call("listTasks", renewed, Map.of("due", "today")).expectBody()
			.jsonPath("$.items[*].title")
			.isEqualTo(List.of("Today in Kiritimati"));
	}

	@Test
	void onlyTheCallersProfileChanges() {
		Map<?, ?> other = signUpSession();

		call("updateProfile", signUp(), Map.of("timeZone", "Asia/Tokyo")).expectStatus().isOk();

		assertThat(count("select count(*) from users where time_zone = 'UTC' and id = "
				+ ((Map<?, ?>) other.get("user")).get("id")))
			.isEqualTo(1);
	}

	@Test
	void badProfilesAreRefusedNamingTheField() {
		String token = signUp();
		for (Map<String, String> body : List.of(Map.of("timeZone", "Mars/Olympus"), Map.of("timeZone", " "),
				Map.of("name", "n".repeat(101)))) {
			call("updateProfile", token, body).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.field")
				.isEqualTo(body.keySet().iterator().next());
		}
		call("updateProfile", token, Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("body");
	}

	@Test
	void aProfileNeedsAToken() {
		http().post()
			.uri("/updateProfile")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("timeZone", "Asia/Tokyo"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
