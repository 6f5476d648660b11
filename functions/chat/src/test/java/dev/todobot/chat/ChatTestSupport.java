package dev.todobot.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.user.UserView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the chat function on a random port, against the embedded PostgreSQL and the real
 * mcp function, and talks to it over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ChatTestSupport {

	private static final TokenService tokens = new TokenService(EmbeddedDatabase.JWT_SECRET, Duration.ofHours(1),
			Clock.systemUTC());

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void neighbours(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", EmbeddedDatabase::url);
		registry.add("JWT_SECRET", () -> EmbeddedDatabase.JWT_SECRET);
		registry.add("MCP_URL", McpServer::url);
	}

	WebTestClient http() {
		// generous: a turn may wait for a cold neighbour on a busy 2-core machine
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	/**
	 * A new user, made the way sign-up makes one.
	 * @return the user and their token
	 */
	static TestUser newUser() {
		String email = UUID.randomUUID() + "@example.com";
		EmbeddedDatabase.execute("insert into users (email, password_hash) values ('" + email + "', 'unused')");
		long id = EmbeddedDatabase.count("select id from users where email = '" + email + "'");
		return new TestUser(id, tokens.issue(new UserView(id, email, null)));
	}

	WebTestClient.ResponseSpec chat(TestUser user, Object body) {
		return http().post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.bodyValue(body)
			.exchange();
	}

	Map<?, ?> chatOk(TestUser user, Object body) {
		return chat(user, body).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	static long count(String sql) {
		return EmbeddedDatabase.count(sql);
	}

	/** A signed-up user. */
	record TestUser(long id, String token) {
	}

}
