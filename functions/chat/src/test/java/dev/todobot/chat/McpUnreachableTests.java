package dev.todobot.chat;

import java.util.Map;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat function with no mcp function to reach; not a {@link ChatTestSupport}, which
 * starts one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class McpUnreachableTests {

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void unreachableMcp(DynamicPropertyRegistry registry) {
		registry.add("DATABASE_URL", EmbeddedDatabase::url);
		registry.add("JWT_SECRET", () -> EmbeddedDatabase.JWT_SECRET);
		// nothing listens on port 9
		registry.add("MCP_URL", () -> "http://127.0.0.1:9/mcp");
		registry.add("MCP_TIMEOUT", () -> "3s");
	}

	@Test
	void unreachableTaskServiceIsAClearServiceUnavailable() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(ChatTestSupport.newUser().token()))
			.bodyValue(Map.of("message", "show my tasks"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("task service"));
	}

}
