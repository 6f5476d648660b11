package dev.todobot.todo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks carry a version: a write based on an old read is refused with 409 and changes
 * nothing; a write without a version still applies, and only to the fields it names.
 */
class OptimisticLockingTests extends TodoHttpTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> ANSWER = new ParameterizedTypeReference<>() {
	};

	@Test
	void aNewTaskIsAtVersionZeroAndEveryChangeAddsOne() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Versioned"));
		assertThat(task(token, id)).containsEntry("version", 0);
		call("updateTask", token, Map.of("id", id, "title", "Renamed", "version", 0)).expectStatus().isOk();
		call("completeTask", token, Map.of("id", id, "version", 1)).expectStatus().isOk();
		assertThat(task(token, id)).containsEntry("title", "Renamed")
			.containsEntry("completed", true)
			.containsEntry("version", 2);
	}

	@Test
	void aStaleUpdateIsAConflictThatChangesNothing() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Original", "priority", "low"));
		call("updateTask", token, Map.of("id", id, "title", "First writer", "version", 0)).expectStatus().isOk();
		Map<String, Object> before = task(token, id);

		call("updateTask", token, Map.of("id", id, "title", "Second writer", "priority", "high", "version", 0))
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(409)
			.jsonPath("$.currentVersion")
			.isEqualTo(1)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("Task " + id, "version 1", "Reload"));

		assertThat(task(token, id)).isEqualTo(before).containsEntry("title", "First writer");
	}

	@Test
	void aStaleCompletionIsAConflictThatChangesNothing() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Not done yet"));
		call("updateTask", token, Map.of("id", id, "description", "moved on", "version", 0)).expectStatus().isOk();
		Map<String, Object> before = task(token, id);

		call("completeTask", token, Map.of("id", id, "version", 0)).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.currentVersion")
			.isEqualTo(1);

		assertThat(task(token, id)).isEqualTo(before).containsEntry("completed", false);
	}

	@Test
	void aChangeWithoutAVersionAppliesWhateverTheVersion() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Edited twice"));
		call("updateTask", token, Map.of("id", id, "title", "Once")).expectStatus().isOk();
		call("updateTask", token, Map.of("id", id, "title", "Twice")).expectStatus().isOk();
		call("completeTask", token, Map.of("id", id)).expectStatus().isOk();
		assertThat(task(token, id)).containsEntry("title", "Twice")
			.containsEntry("completed", true)
			.containsEntry("version", 3);
	}

	@Test
	void aStaleVersionOfAnotherUsersTaskIsNotFound() {
		String owner = signUp();
		long id = addTask(owner, Map.of("title", "Mine"));
		call("updateTask", signUp(), Map.of("id", id, "title", "Theirs", "version", 7)).expectStatus().isNotFound();
		assertThat(task(owner, id)).containsEntry("title", "Mine").containsEntry("version", 0);
	}

	@Test
	void concurrentChangesOfDifferentFieldsAllStay() {
		String token = signUp();
		List<Long> ids = IntStream.range(0, 12).mapToObj((i) -> addTask(token, Map.of("title", "Task " + i))).toList();
		WebClient client = WebClient.create("http://localhost:" + this.port);
		// what the web UI, the chat and a script might send about one task at one moment
		Flux.fromIterable(ids)
			.flatMap((id) -> Flux.merge(post(client, token, "updateTask", Map.of("id", id, "title", "Renamed " + id)),
					post(client, token, "updateTask", Map.of("id", id, "priority", "high")),
					post(client, token, "updateTask", Map.of("id", id, "tags", List.of("work"))),
					post(client, token, "completeTask", Map.of("id", id))))
			.collectList()
			// a bound, not an expectation
			.block(Duration.ofMinutes(2));
		for (long id : ids) {
			assertThat(task(token, id)).as("task %d", id)
				.containsEntry("title", "Renamed " + id)
				.containsEntry("priority", "high")
				.containsEntry("tags", List.of("work"))
				.containsEntry("completed", true)
				.containsEntry("version", 4);
		}
	}

	private static Mono<Integer> post(WebClient client, String token, String function, Map<String, ?> body) {
		return client.post()
			.uri("/" + function)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchangeToMono((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(200);
				return response.releaseBody().thenReturn(200);
			});
	}

	private Map<String, Object> task(String token, long id) {
		return call("getTask", token, Map.of("id", id)).expectStatus()
			.isOk()
			.expectBody(ANSWER)
			.returnResult()
			.getResponseBody();
	}

}
