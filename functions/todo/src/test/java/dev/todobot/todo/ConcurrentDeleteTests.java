package dev.todobot.todo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many users deleting at once: each delete must answer for its own task, whatever the
 * others do at the same moment.
 */
class ConcurrentDeleteTests extends TodoHttpTestSupport {

	private static final int USERS = 16;

	private static final int ROUNDS = 8;

	private static final ParameterizedTypeReference<Map<String, Object>> ANSWER = new ParameterizedTypeReference<>() {
	};

	@Test
	void concurrentDeletesOfDifferentUsersAllSucceed() {
		List<String> tokens = IntStream.range(0, USERS).mapToObj((user) -> signUp()).toList();
		WebClient client = WebClient.create("http://localhost:" + this.port);
		// every user works sequentially, as a person would, but all users at once, so
		// their deletes overlap
		List<String> outcomes = Flux.fromIterable(tokens)
			.flatMap((token) -> Flux.range(0, ROUNDS).concatMap((round) -> round(client, token, round)), USERS)
			.collectList()
			// a bound, not an expectation: a delete that never answers fails the test
			.block(Duration.ofMinutes(3));
		assertThat(outcomes).hasSize(USERS * ROUNDS).allMatch("deleted"::equals);
		assertThat(EmbeddedDatabase.count("select count(*) from tasks where title like 'Concurrent %'")).isZero();
	}

	@Test
	void deletingOneTaskTwiceAtOnceDeletesItOnce() {
		String token = signUp();
		WebClient client = WebClient.create("http://localhost:" + this.port);
		for (int attempt = 0; attempt < 5; attempt++) {
			long id = addTask(token, Map.of("title", "Twice"));
			List<Integer> statuses = Flux.range(0, 2)
				.flatMap((twin) -> client.post()
					.uri("/deleteTask")
					.contentType(MediaType.APPLICATION_JSON)
					.headers((headers) -> headers.setBearerAuth(token))
					.bodyValue(Map.of("id", id))
					.exchangeToMono((response) -> Mono.just(response.statusCode().value())))
				.collectList()
				.block(Duration.ofMinutes(1));
			assertThat(statuses).containsExactlyInAnyOrder(200, 404);
		}
	}

	private static Mono<String> round(WebClient client, String token, int round) {
		return post(client, token, "addTask", Map.of("title", "Concurrent " + round)).flatMap((added) -> {
			if (!added.containsKey("id")) {
				return Mono.just(added.toString());
			}
			Map<String, ?> id = Map.of("id", added.get("id"));
			return post(client, token, "completeTask", id).flatMap((completed) -> {
				if (!Boolean.TRUE.equals(completed.get("completed"))) {
					return Mono.just(completed.toString());
				}
				return post(client, token, "deleteTask", id)
					.map((deleted) -> Boolean.TRUE.equals(deleted.get("deleted")) ? "deleted" : deleted.toString());
			});
		});
	}

	private static Mono<Map<String, Object>> post(WebClient client, String token, String function,
			Map<String, ?> body) {
		return client.post()
			.uri("/" + function)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(ANSWER)
				.map((answer) -> response.statusCode().is2xxSuccessful() ? answer
						: Map.<String, Object>of(function, response.statusCode().value() + " " + answer)))
			// a request stuck forever shows as its own failure, not as the test's bound
			.timeout(Duration.ofSeconds(60), Mono.just(Map.of(function, "no answer within a minute")));
	}

}
