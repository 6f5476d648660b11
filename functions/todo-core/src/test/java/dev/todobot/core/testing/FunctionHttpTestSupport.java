package dev.todobot.core.testing;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts a function app on a random port against the embedded PostgreSQL and talks to it
 * over real HTTP: what every function's HTTP tests share. Each module's support class
 * extends it with its own way of making users and calling the app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FunctionHttpTestSupport {

	/**
	 * How long a test waits for an answer. Generous: the first request of a fresh context
	 * warms up, and a chat turn may wait for a cold neighbour, on a busy 2-core machine.
	 */
	public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

	@Value("${local.server.port}")
	protected int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", EmbeddedDatabase::url);
		registry.add("JWT_SECRET", () -> EmbeddedDatabase.JWT_SECRET);
	}

	/**
	 * Where the app listens.
	 * @return its base URL
	 */
	public String url() {
		return "http://localhost:" + this.port;
	}

	public WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl(url()).responseTimeout(RESPONSE_TIMEOUT).build();
	}

	/**
	 * The token as a bearer authorization.
	 * @param token the token, or {@code null} to send none
	 * @return what sets the header
	 */
	public static Consumer<HttpHeaders> bearer(String token) {
		return (headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		};
	}

	public static long count(String sql) {
		return EmbeddedDatabase.count(sql);
	}

	/**
	 * How many tasks there are, of all users.
	 * @return the count
	 */
	public static long tasks() {
		return count("select count(*) from tasks");
	}

}
