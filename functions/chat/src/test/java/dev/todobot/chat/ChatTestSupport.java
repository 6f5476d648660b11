package dev.todobot.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.testing.FunctionHttpTestSupport;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.user.UserView;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Talks to the chat function over real HTTP, with the real mcp function as its neighbour.
 */
abstract class ChatTestSupport extends FunctionHttpTestSupport {

	private static final TokenService tokens = new TokenService(EmbeddedDatabase.JWT_SECRET, Duration.ofHours(1),
			Clock.systemUTC());

	@DynamicPropertySource
	static void neighbours(DynamicPropertyRegistry registry) {
		registry.add("MCP_URL", McpServer::url);
	}

	/**
	 * A new user, made the way sign-up makes one.
	 * @return the user and their token
	 */
	static TestUser newUser() {
		return newUser("UTC");
	}

	/**
	 * A new user whose days are counted in a time zone.
	 * @param zone such as {@code Europe/Berlin}
	 * @return the user and their token
	 */
	static TestUser newUser(String zone) {
		String email = UUID.randomUUID() + "@example.com";
		EmbeddedDatabase.execute("insert into users (email, password_hash, time_zone) values ('" + email
				+ "', 'unused', '" + zone + "')");
		long id = EmbeddedDatabase.count("select id from users where email = '" + email + "'");
		return new TestUser(id, tokens.issue(new UserView(id, email, null, zone)));
	}

	WebTestClient.ResponseSpec chat(TestUser user, Object body) {
		return http().post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(bearer(user.token()))
			.bodyValue(body)
			.exchange();
	}

	Map<?, ?> chatOk(TestUser user, Object body) {
		return chat(user, body).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	/** A signed-up user. */
	record TestUser(long id, String token) {
	}

}
