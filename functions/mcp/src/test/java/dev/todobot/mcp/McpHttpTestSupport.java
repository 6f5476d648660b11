package dev.todobot.mcp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.todobot.core.testing.FunctionHttpTestSupport;
import dev.todobot.core.user.AuthService;
import dev.todobot.core.user.Session;
import dev.todobot.core.user.SignUp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to the mcp function over real HTTP, the way MCP clients do.
 */
abstract class McpHttpTestSupport extends FunctionHttpTestSupport {

	/** What MCP clients send: they take a JSON answer or an event stream. */
	static final String MCP_ACCEPT = "application/json, text/event-stream";

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	AuthService auth;

	/**
	 * Signs a new user up.
	 * @return their session, with the bearer token
	 */
	Session signUp() {
		return this.auth.signUp(new SignUp(UUID.randomUUID() + "@example.com", "correct horse", null)).block();
	}

	/**
	 * Posts a JSON-RPC message to {@code /mcp} as an MCP client does.
	 */
	WebTestClient.ResponseSpec post(String token, String body) {
		return http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.headers(bearer(token))
			.bodyValue(body)
			.exchange();
	}

	/**
	 * Calls a tool with raw JSON-RPC.
	 * @return the tool result: {@code content}, {@code structuredContent},
	 * {@code isError}
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> callTool(String token, String tool, String arguments) {
		String body = """
				{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"%s","arguments":%s}}""".formatted(tool,
				arguments);
		Map<String, Object> response = post(token, body).expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		assertThat(response).containsEntry("id", 7).doesNotContainKey("error");
		return (Map<String, Object>) response.get("result");
	}

	/**
	 * The text of a tool result.
	 */
	@SuppressWarnings("unchecked")
	static String text(Map<String, Object> result) {
		List<Map<String, Object>> content = (List<Map<String, Object>>) result.get("content");
		assertThat(content).hasSize(1);
		return (String) content.getFirst().get("text");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> structured(Map<String, Object> result) {
		return (Map<String, Object>) result.get("structuredContent");
	}

}
