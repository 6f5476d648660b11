package dev.todobot.chat;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderFailureTests extends ChatTestSupport {

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("OPENAI_API_KEY", () -> "test-key");
		registry.add("OPENAI_BASE_URL", OpenAiWireMock::baseUrl);
		registry.add("CHAT_MODEL_TIMEOUT", () -> "3s");
	}

	private static void provider(ResponseDefinitionBuilder response) {
		OpenAiWireMock.server.resetAll();
		OpenAiWireMock.server.stubFor(WireMock.post("/v1/chat/completions").willReturn(response));
	}

	private long savedUserMessages(TestUser user, String text) {
		return count(
				"select count(*) from messages m join conversations c on c.id = m.conversation_id where c.user_id = "
						+ user.id() + " and m.role = 'user' and m.content = '" + text + "'");
	}

	@Test
	void failingProviderIsABadGatewayAndTheMessageIsKept() {
		TestUser user = newUser();
		provider(WireMock.serverError().withBody("{\"error\":{\"message\":\"boom\"}}"));
		chat(user, Map.of("message", "add buy milk")).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(savedUserMessages(user, "add buy milk")).isEqualTo(1);
	}

	@Test
	void slowProviderIsAGatewayTimeoutAndTheMessageIsKept() {
		TestUser user = newUser();
		provider(WireMock.okJson(OpenAiWireMock.text("too late")).withFixedDelay(6000));
		chat(user, Map.of("message", "add slow milk")).expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(savedUserMessages(user, "add slow milk")).isEqualTo(1);
	}

	@Test
	void rateLimitedProviderIsUnavailableWithTheWaitItAskedFor() {
		TestUser user = newUser();
		provider(WireMock.aResponse()
			.withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Rate limit reached. Please try again in 20s.\","
					+ "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
		chat(user, Map.of("message", "add limited milk")).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "20");
		assertThat(savedUserMessages(user, "add limited milk")).isEqualTo(1);
	}

}
