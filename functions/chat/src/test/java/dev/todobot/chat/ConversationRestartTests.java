package dev.todobot.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation outlives the replica that started it: a fresh application, as after
 * scale-to-zero, continues it from the database.
 */
class ConversationRestartTests {

	private static ConfigurableApplicationContext startChat() {
		// a default property would lose to the function defaults' ${PORT:8080}: an
		// argument wins
		return new SpringApplicationBuilder(ChatApplication.class)
			.properties("DATABASE_URL=" + EmbeddedDatabase.url(), "JWT_SECRET=" + EmbeddedDatabase.JWT_SECRET,
					"MCP_URL=" + McpServer.url(), "OPENAI_API_KEY=test-key",
					"OPENAI_BASE_URL=" + OpenAiWireMock.baseUrl())
			.run("--server.port=0");
	}

	private static Map<?, ?> chat(ConfigurableApplicationContext app, String token, Map<String, ?> body) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void aFreshApplicationContinuesTheConversationFromTheDatabase() {
		ChatTestSupport.TestUser user = ChatTestSupport.newUser();
		Object conversationId;
		OpenAiWireMock.script(OpenAiWireMock.text("Noted: your cat is called Miso."));
		try (ConfigurableApplicationContext first = startChat()) {
			conversationId = chat(first, user.token(), Map.of("message", "My cat is called Miso"))
				.get("conversationId");
		}
		OpenAiWireMock.script(OpenAiWireMock.text("Your cat is Miso."));
		try (ConfigurableApplicationContext second = startChat()) {
			Map<?, ?> turn = chat(second, user.token(),
					Map.of("message", "What is my cat called?", "conversationId", conversationId));
			assertThat(turn.get("reply")).isEqualTo("Your cat is Miso.");
		}
		List<LoggedRequest> requests = OpenAiWireMock.server
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/chat/completions")));
		assertThat(requests.getLast().getBodyAsString()).contains("My cat is called Miso",
				"Noted: your cat is called Miso.", "What is my cat called?");
	}

}
