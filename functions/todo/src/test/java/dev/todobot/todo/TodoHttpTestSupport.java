package dev.todobot.todo;

import java.util.Map;
import java.util.UUID;

import dev.todobot.core.testing.FunctionHttpTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Talks to the todo function over real HTTP, as its clients do. Every request comes from
 * one address, and one test class's context serves many, so the sign-in throttle's limits
 * are lifted here; {@code ThrottleTests} sets small ones of its own.
 */
@TestPropertySource(properties = { "THROTTLE_ADDRESS_ATTEMPTS=1000000", "THROTTLE_ACCOUNT_FAILURES=1000000" })
abstract class TodoHttpTestSupport extends FunctionHttpTestSupport {

	/**
	 * Signs a new user up.
	 * @return their bearer token
	 */
	String signUp() {
		return (String) signUpSession().get("token");
	}

	/**
	 * Signs a new user up.
	 * @return the session: {@code token} and {@code user}
	 */
	Map<?, ?> signUpSession() {
		return http().post()
			.uri("/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", UUID.randomUUID() + "@example.com", "password", "correct horse"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	WebTestClient.ResponseSpec call(String function, String token, Object body) {
		return http().post()
			.uri("/" + function)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(bearer(token))
			.bodyValue(body)
			.exchange();
	}

	long addTask(String token, Map<String, ?> task) {
		Map<?, ?> added = call("addTask", token, task).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) added.get("id")).longValue();
	}

}
