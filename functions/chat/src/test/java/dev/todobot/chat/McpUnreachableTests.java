package dev.todobot.chat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class McpUnreachableTests extends ChatTestSupport {

	@DynamicPropertySource
	static void unreachableMcp(DynamicPropertyRegistry registry) {
		registry.add("OPENAI_API_KEY", () -> "test-key");
		registry.add("OPENAI_BASE_URL", OpenAiWireMock::baseUrl);
		// nothing listens on port 9
		registry.add("MCP_URL", () -> "http://127.0.0.1:9/mcp");
		registry.add("MCP_TIMEOUT", () -> "3s");
	}

	@Test
	void unreachableTaskServiceIsAClearServiceUnavailable() {
		chat(newUser(), Map.of("message", "show my tasks")).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("task service"));
	}

}
