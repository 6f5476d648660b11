package dev.todobot.todo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class UserIsolationTests extends TodoHttpTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "getTask", "updateTask", "completeTask", "deleteTask" })
	void anotherUsersTaskIsNotFound(String function) {
		String owner = signUp();
		String stranger = signUp();
		long id = addTask(owner, Map.of("title", "Private"));
		Map<String, Object> body = function.equals("updateTask") ? Map.of("id", id, "title", "Hijacked")
				: Map.of("id", id);
		call(function, stranger, body).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		call("getTask", owner, Map.of("id", id)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Private")
			.jsonPath("$.completed")
			.isEqualTo(false);
	}

	@Test
	void listShowsOnlyTheCallersTasks() {
		String first = signUp();
		String second = signUp();
		addTask(first, Map.of("title", "First's"));
		addTask(second, Map.of("title", "Second's"));
		Map<?, ?> page = call("listTasks", first, Map.of()).expectBody(Map.class).returnResult().getResponseBody();
		List<String> titles = ((List<?>) page.get("items")).stream()
			.map((item) -> (String) ((Map<?, ?>) item).get("title"))
			.toList();
		assertThat(titles).containsExactly("First's");
	}

	@Test
	void aCursorOfAnotherUserIsRefused() {
		String first = signUp();
		String second = signUp();
		addTask(first, Map.of("title", "a"));
		addTask(first, Map.of("title", "b"));
		Map<?, ?> page = call("listTasks", first, Map.of("limit", 1)).expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		call("listTasks", second, Map.of("limit", 1, "cursor", page.get("nextCursor"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("cursor");
	}

}
