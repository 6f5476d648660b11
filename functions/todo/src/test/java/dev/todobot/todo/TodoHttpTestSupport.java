package dev.todobot.todo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.todobot.core.testing.EmbeddedDatabase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the todo function on a random port against the embedded PostgreSQL and talks to
 * it over real HTTP. Every request comes from one address, and one test class's context
 * serves many, so the sign-in throttle's limits are lifted here; {@code ThrottleTests}
 * sets small ones of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "THROTTLE_ADDRESS_ATTEMPTS=1000000", "THROTTLE_ACCOUNT_FAILURES=1000000" })
abstract class TodoHttpTestSupport {

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", EmbeddedDatabase::url);
		registry.add("JWT_SECRET", () -> EmbeddedDatabase.JWT_SECRET);
	}

	WebTestClient http() {
		// generous: the first request of a fresh context warms up on a busy 2-core
		// machine
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	/**
	 * Signs a new user up.
	 * @return their bearer token
	 */
	String signUp() {
		Map<?, ?> session = http().post()
			.uri("/signup")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", UUID.randomUUID() + "@example.com", "password", "correct horse"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) session.get("token");
	}

	WebTestClient.ResponseSpec call(String function, String token, Object body) {
		return http().post().uri("/" + function).contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).bodyValue(body).exchange();
	}

	long addTask(String token, Map<String, ?> task) {
		Map<?, ?> added = call("addTask", token, task).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) added.get("id")).longValue();
	}

	static long tasks() {
		return EmbeddedDatabase.count("select count(*) from tasks");
	}

}
