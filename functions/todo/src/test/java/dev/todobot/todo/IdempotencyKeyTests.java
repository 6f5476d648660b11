package dev.todobot.todo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code addTask} with an {@code Idempotency-Key}: a retry of a request whose answer was
 * lost gets the same task and adds none.
 */
class IdempotencyKeyTests extends TodoHttpTestSupport {

	@Test
	void aRetryWithTheSameKeyGetsTheSameTaskAndAddsNone() {
		String token = signUp();
		String key = '"' + UUID.randomUUID().toString() + '"';
		Map<String, Object> task = Map.of("title", "Buy milk", "tags", List.of("shop"));
		String first = addKeyed(token, key, task).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String retry = addKeyed(token, key, task).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(retry).isEqualTo(first);
		assertThat(tasksOf(token)).isEqualTo(1);
	}

	@Test
	void aBareTokenIsTakenAsAKeyToo() {
		String token = signUp();
		String key = UUID.randomUUID().toString();
		addKeyed(token, key, Map.of("title", "Once")).expectStatus().isOk();
		addKeyed(token, '"' + key + '"', Map.of("title", "Once")).expectStatus().isOk();
		assertThat(tasksOf(token)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherTaskIsRefused() {
		String token = signUp();
		String key = UUID.randomUUID().toString();
		addKeyed(token, key, Map.of("title", "Buy milk")).expectStatus().isOk();
		addKeyed(token, key, Map.of("title", "Buy bread")).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("Idempotency-Key")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("another request"));
		assertThat(titlesOf(token)).containsExactly("Buy milk");
	}

	@Test
	void keysOfDifferentUsersDoNotMeet() {
		String alice = signUp();
		String bob = signUp();
		String key = UUID.randomUUID().toString();
		long alices = id(addKeyed(alice, key, Map.of("title", "Same words")));
		long bobs = id(addKeyed(bob, key, Map.of("title", "Same words")));
		assertThat(bobs).isNotEqualTo(alices);
		assertThat(tasksOf(alice)).isEqualTo(1);
		assertThat(tasksOf(bob)).isEqualTo(1);
		call("getTask", bob, Map.of("id", bobs)).expectStatus().isOk();
		call("getTask", bob, Map.of("id", alices)).expectStatus().isNotFound();
	}

	@Test
	void requestsWithTheSameKeyAtOnceAddOneTask() {
		String token = signUp();
		WebClient client = WebClient.create("http://localhost:" + this.port);
		for (int round = 0; round < 3; round++) {
			String key = UUID.randomUUID().toString();
			String title = "Round " + round;
			List<Object> ids = Flux.range(0, 6)
				.flatMap((twin) -> client.post()
					.uri("/addTask")
					.contentType(MediaType.APPLICATION_JSON)
					.headers((headers) -> {
						headers.setBearerAuth(token);
						headers.set("Idempotency-Key", key);
					})
					.bodyValue(Map.of("title", title))
					.retrieve()
					.bodyToMono(Map.class)
					.map((answer) -> answer.get("id")))
				.collectList()
				// a bound, not an expectation
				.block(Duration.ofMinutes(1));
			assertThat(ids).hasSize(6).containsOnly(ids.getFirst());
		}
		assertThat(tasksOf(token)).isEqualTo(3);
	}

	@Test
	void withoutAKeyEveryRequestAdds() {
		String token = signUp();
		addTask(token, Map.of("title", "Twice"));
		addTask(token, Map.of("title", "Twice"));
		assertThat(tasksOf(token)).isEqualTo(2);
	}

	@Test
	void aKeyThatIsNoKeyIsABadRequest() {
		String token = signUp();
		for (String bad : List.of("", "\"\"", "k".repeat(256), "with\"quote", "tab\there")) {
			addKeyed(token, bad, Map.of("title", "Never")).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.field")
				.isEqualTo("Idempotency-Key");
		}
		assertThat(tasksOf(token)).isZero();
	}

	@Test
	void aKeyWhoseTaskWasDeletedDoesNotAddItAgain() {
		String token = signUp();
		String key = UUID.randomUUID().toString();
		long id = id(addKeyed(token, key, Map.of("title", "Short-lived")));
		call("deleteTask", token, Map.of("id", id)).expectStatus().isOk();
		addKeyed(token, key, Map.of("title", "Short-lived")).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasksOf(token)).isZero();
	}

	private WebTestClient.ResponseSpec addKeyed(String token, String key, Map<String, ?> task) {
		return http().post().uri("/addTask").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("Idempotency-Key", key);
		}).bodyValue(task).exchange();
	}

	private static long id(WebTestClient.ResponseSpec added) {
		Map<?, ?> task = added.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((Number) task.get("id")).longValue();
	}

	private long tasksOf(String token) {
		return titlesOf(token).size();
	}

	private List<Object> titlesOf(String token) {
		return ((List<?>) call("listTasks", token, Map.of("status", "all", "limit", 100)).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items")).stream().<Object>map((task) -> ((Map<?, ?>) task).get("title")).toList();
	}

}
