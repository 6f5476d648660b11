package dev.todobot.todo;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * completeTasks and deleteTasks: a result per id in the order sent, each id on its own,
 * and only the caller's tasks.
 */
class BulkTaskTests extends TodoHttpTestSupport {

	@Test
	void completeTasksAnswersPerIdAndLeavesOtherUsersTasksAlone() {
		String token = signUp();
		String stranger = signUp();
		long first = addTask(token, Map.of("title", "First"));
		long second = addTask(token, Map.of("title", "Second"));
		long theirs = addTask(stranger, Map.of("title", "Not yours"));

		List<Map<String, Object>> results = results(
				call("completeTasks", token, Map.of("ids", List.of(second, theirs, first, Long.MAX_VALUE))));

		assertThat(results).<Long>extracting((result) -> ((Number) result.get("id")).longValue())
			.containsExactly(second, theirs, first, Long.MAX_VALUE);
		assertThat(results).<Object>extracting((result) -> result.get("ok")).containsExactly(true, false, true, false);
		assertThat(map(results.get(0).get("task"))).containsEntry("completed", true).containsEntry("title", "Second");
		assertThat(results.get(1)).containsOnlyKeys("id", "ok", "status", "detail")
			.containsEntry("status", 404)
			.containsEntry("detail", "No task " + theirs);
		call("getTask", stranger, Map.of("id", theirs)).expectBody().jsonPath("$.completed").isEqualTo(false);
		call("getTask", token, Map.of("id", first)).expectBody().jsonPath("$.completed").isEqualTo(true);
	}

	@Test
	void deleteTasksAnswersPerIdAndLeavesOtherUsersTasksAlone() {
		String token = signUp();
		String stranger = signUp();
		long mine = addTask(token, Map.of("title", "Mine"));
		long theirs = addTask(stranger, Map.of("title", "Not yours"));

		List<Map<String, Object>> results = results(call("deleteTasks", token, Map.of("ids", List.of(mine, theirs))));

		assertThat(results.get(0)).isEqualTo(Map.of("id", (int) mine, "ok", true, "deleted", true));
		assertThat(results.get(1)).containsEntry("ok", false).containsEntry("status", 404);
		call("getTask", token, Map.of("id", mine)).expectStatus().isNotFound();
		call("getTask", stranger, Map.of("id", theirs)).expectStatus().isOk();
	}

	@Test
	void badIdListsAreRefusedAndChangeNothing() {
		String token = signUp();
		long task = addTask(token, Map.of("title", "Stays open"));
		List<Long> tooMany = LongStream.rangeClosed(1, 101).boxed().toList();

		for (String function : List.of("completeTasks", "deleteTasks")) {
			for (Object body : List.of(Map.of("ids", List.of(task, task)), Map.of("ids", List.of()), Map.of(),
					Map.of("ids", tooMany), Map.of("ids", List.of(task, 0)))) {
				call(function, token, body).expectStatus()
					.isBadRequest()
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.field")
					.isEqualTo("ids");
			}
		}

		call("getTask", token, Map.of("id", task)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completed")
			.isEqualTo(false);
	}

	@Test
	void withoutATokenNothingChanges() {
		String token = signUp();
		long task = addTask(token, Map.of("title", "Guarded"));

		for (String function : List.of("completeTasks", "deleteTasks")) {
			http().post()
				.uri("/" + function)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("ids", List.of(task)))
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}

		call("getTask", token, Map.of("id", task)).expectBody().jsonPath("$.completed").isEqualTo(false);
	}

	@Test
	void aBulkCompletionIsCountedInTheDatabase() {
		String token = signUp();
		long one = addTask(token, Map.of("title", "One"));
		long two = addTask(token, Map.of("title", "Two"));

		call("completeTasks", token, Map.of("ids", List.of(one, two))).expectStatus().isOk();

		assertThat(count("select count(*) from tasks where completed and id in (" + one + ", " + two + ")"))
			.isEqualTo(2);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> results(WebTestClient.ResponseSpec response) {
		return (List<Map<String, Object>>) response.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("results");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object json) {
		return (Map<String, Object>) json;
	}

}
