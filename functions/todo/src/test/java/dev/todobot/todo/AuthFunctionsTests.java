package dev.todobot.todo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.user.UserView;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFunctionsTests extends TodoHttpTestSupport {

	@Test
	void signUpAnswersATokenThatOpensTheTaskRoutes() {
		String email = UUID.randomUUID() + "@Example.com";
		call("signup", null, Map.of("email", email, "password", "correct horse", "name", "Ada")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.token")
			.isNotEmpty()
			.jsonPath("$.user.email")
			.isEqualTo(email.toLowerCase())
			.jsonPath("$.user.name")
			.isEqualTo("Ada");
	}

	@Test
	void logInWithTheSignUpPasswordAnswersAWorkingToken() {
		String email = UUID.randomUUID() + "@example.com";
		call("signup", null, Map.of("email", email, "password", "correct horse")).expectStatus().isOk();
		Map<?, ?> session = call("login", null, Map.of("email", email.toUpperCase(), "password", "correct horse"))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		call("listTasks", (String) session.get("token"), Map.of()).expectStatus().isOk();
	}

	@Test
	void logInWithAWrongPasswordIsUnauthorized() {
		String email = UUID.randomUUID() + "@example.com";
		call("signup", null, Map.of("email", email, "password", "correct horse")).expectStatus().isOk();
		call("login", null, Map.of("email", email, "password", "wrong horse")).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void signUpWithATakenEmailIsAConflictInAnyCase() {
		String email = UUID.randomUUID() + "@example.com";
		call("signup", null, Map.of("email", email, "password", "correct horse")).expectStatus().isOk();
		long users = EmbeddedDatabase.count("select count(*) from users");
		call("signup", null, Map.of("email", email.toUpperCase(), "password", "other horse")).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(EmbeddedDatabase.count("select count(*) from users")).isEqualTo(users);
	}

	@Test
	void missingTokenIsUnauthorizedWithABearerChallenge() {
		call("listTasks", null, Map.of()).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void expiredTokenIsUnauthorized() {
		Clock lastWeek = Clock.fixed(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC);
		String expired = new TokenService(EmbeddedDatabase.JWT_SECRET, Duration.ofHours(24), lastWeek)
			.issue(new UserView(1, "a@example.com", null));
		call("listTasks", expired, Map.of()).expectStatus().isUnauthorized();
	}

	@Test
	void tokenSignedWithAnotherKeyIsUnauthorized() {
		String forged = new TokenService("another-secret-that-is-long-enough-for-hs256", Duration.ofHours(1),
				Clock.systemUTC())
			.issue(new UserView(1, "a@example.com", null));
		call("listTasks", forged, Map.of()).expectStatus().isUnauthorized();
	}

	@Test
	void unsignedTokenIsUnauthorized() {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		long exp = Instant.now().plusSeconds(3600).getEpochSecond();
		String claims = base64.encodeToString(
				("{\"sub\":\"1\",\"iss\":\"todo-chatbot\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
		call("listTasks", header + "." + claims + ".", Map.of()).expectStatus().isUnauthorized();
	}

	@Test
	void tokenOfADeletedAccountIsUnauthorizedAndAddsNothing() {
		String token = signUp();
		long before = tasks();
		EmbeddedDatabase.execute("delete from users where id = (select max(id) from users)");
		call("addTask", token, Map.of("title", "Orphan")).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("This account no longer exists; sign up again");
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void garbageTokenIsUnauthorized() {
		call("listTasks", "not-a-token", Map.of()).expectStatus().isUnauthorized();
	}

}
