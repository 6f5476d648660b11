package dev.todobot.todo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of sign-ups and sign-ins larger than the password-hashing pool and its queue
 * (here one thread and one waiting place) is answered, not queued without bound: each
 * request gets its answer or a 503 with Retry-After, and the function keeps serving.
 */
@TestPropertySource(properties = { "PASSWORD_HASHING_THREADS=1", "PASSWORD_HASHING_QUEUE=1" })
class SignUpBurstTests extends TodoHttpTestSupport {

	private static final int BURST = 24;

	@Test
	void aBurstOfSignUpsGetsAnswersOr503WithRetryAfter() throws Exception {
		String taken = UUID.randomUUID() + "@example.com";
		call("signup", null, Map.of("email", taken, "password", "correct horse")).expectStatus().isOk();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			String email = (i % 6 == 0) ? taken : UUID.randomUUID() + "@example.com";
			bodies.add("{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
		}
		List<HttpResponse<String>> answers = burst("signup", bodies);
		assertThat(answers).extracting(HttpResponse::statusCode).allMatch(List.of(200, 409, 503)::contains);
		assertOverloadedAnswersAskForARetry(answers);
		call("signup", null, Map.of("email", UUID.randomUUID() + "@example.com", "password", "correct horse"))
			.expectStatus()
			.isOk();
	}

	@Test
	void aBurstOfSignInsGetsAnswersOr503WithRetryAfter() throws Exception {
		String email = UUID.randomUUID() + "@example.com";
		call("signup", null, Map.of("email", email, "password", "correct horse")).expectStatus().isOk();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			// the right password, a wrong one, and e-mails without an account
			String login = switch (i % 3) {
				case 0 -> email + "\",\"password\":\"correct horse";
				case 1 -> email + "\",\"password\":\"wrong horse";
				default -> UUID.randomUUID() + "@example.com\",\"password\":\"correct horse";
			};
			bodies.add("{\"email\":\"" + login + "\"}");
		}
		List<HttpResponse<String>> answers = burst("login", bodies);
		assertThat(answers).extracting(HttpResponse::statusCode).allMatch(List.of(200, 401, 503)::contains);
		assertOverloadedAnswersAskForARetry(answers);
		call("login", null, Map.of("email", email, "password", "correct horse")).expectStatus().isOk();
	}

	private static void assertOverloadedAnswersAskForARetry(List<HttpResponse<String>> answers) {
		List<HttpResponse<String>> overloaded = answers.stream()
			.filter((answer) -> answer.statusCode() == 503)
			.toList();
		assertThat(overloaded).as("answers refused for overload").isNotEmpty();
		assertThat(overloaded).allSatisfy((answer) -> {
			assertThat(answer.headers().firstValue(HttpHeaders.RETRY_AFTER))
				.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
			assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE))
				.hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.body()).contains("\"status\":503");
		});
	}

	private List<HttpResponse<String>> burst(String function, List<String> bodies) throws Exception {
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
			for (String body : bodies) {
				HttpRequest request = HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.port + "/" + function))
					.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
			}
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> answer : sent) {
				answers.add(answer.get());
			}
			return answers;
		}
	}

}
