package dev.todobot.chat;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting down (what SIGTERM does) waits for the chat turns still running.
 */
class ChatShutdownTests {

	@Test
	void shutdownWaitsForATurnWhoseClientLeftAndKeepsItsReply() throws Exception {
		ChatTestSupport.TestUser user = ChatTestSupport.newUser();
		OpenAiWireMock.server.resetAll();
		OpenAiWireMock.server.stubFor(WireMock.post("/v1/chat/completions")
			.willReturn(WireMock.okJson(OpenAiWireMock.text("Done thinking.")).withFixedDelay(3000)));
		ConfigurableApplicationContext chat = new SpringApplicationBuilder(ChatApplication.class).run("--server.port=0",
				"--DATABASE_URL=" + EmbeddedDatabase.url(), "--JWT_SECRET=" + EmbeddedDatabase.JWT_SECRET,
				"--MCP_URL=" + McpServer.url(), "--OPENAI_API_KEY=test-key",
				"--OPENAI_BASE_URL=" + OpenAiWireMock.baseUrl(), "--CHAT_MODEL_TIMEOUT=30s");
		Disposable client = WebClient
			.create("http://localhost:" + chat.getEnvironment().getProperty("local.server.port"))
			.post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.bodyValue(Map.of("message", "think it over"))
			.retrieve()
			.bodyToMono(String.class)
			.subscribe();
		ChatTurnsTests.awaitUserMessage(user, "think it over");
		// the client leaves while the model is still thinking, then the function stops
		client.dispose();
		chat.close();
		assertThat(EmbeddedDatabase
			.count("select count(*) from messages m join conversations c on c.id = m.conversation_id where c.user_id = "
					+ user.id() + " and m.role = 'assistant' and m.content = 'Done thinking.'"))
			.isEqualTo(1);
		assertThat(EmbeddedDatabase
			.count("select count(*) from conversations where user_id = " + user.id() + " and turn_until is null"))
			.isEqualTo(1);
	}

}
