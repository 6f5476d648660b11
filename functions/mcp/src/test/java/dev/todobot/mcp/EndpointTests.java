package dev.todobot.mcp;

import java.util.stream.Stream;

import dev.todobot.core.testing.ChunkedBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /mcp} is the one endpoint, besides the health probes; its body is held to 64 KiB
 * however it is sent.
 */
class EndpointTests extends McpHttpTestSupport {

	private static final String TOOLS_LIST = """
			{"jsonrpc":"2.0","id":3,"method":"tools/list"}""";

	static Stream<Arguments> otherPaths() {
		return Stream.of("/mcp/x", "/mcp/", "/anything", "/", "/mcp/tools/list", "/actuatorx")
			.flatMap((path) -> Stream.of(Arguments.of(HttpMethod.POST, path), Arguments.of(HttpMethod.GET, path)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("otherPaths")
	void everyOtherPathIsNotFound(HttpMethod method, String path) {
		long before = tasks();
		http().method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.headers((headers) -> headers.setBearerAuth(signUp().token()))
			.bodyValue(
					"""
							{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"x"}}}""")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void healthProbesStillAnswer() {
		http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void chunkedBodyOverTheLimitIsTooLarge() {
		long before = tasks();
		String call = """
				{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"big"}}""";
		EntityExchangeResult<String> answer = chunked(call + " ".repeat(70_000) + "}");
		assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(413);
		assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void chunkedBodyWithinTheLimitIsRead() {
		EntityExchangeResult<String> answer = chunked(TOOLS_LIST + " ".repeat(40_000));
		assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(200);
		assertThat(answer.getResponseBody()).contains("add_task");
	}

	private EntityExchangeResult<String> chunked(String body) {
		return http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.headers((headers) -> headers.setBearerAuth(signUp().token()))
			.body(ChunkedBody.of(body))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

}
