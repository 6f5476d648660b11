package dev.todobot.mcp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Streamable HTTP transport as raw HTTP: what an MCP client sends, and what it gets.
 */
class ProtocolTests extends McpHttpTestSupport {

	private static final String INITIALIZE = """
			{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",\
			"capabilities":{},"clientInfo":{"name":"raw-http","version":"1.0"}}}""";

	private static final String LIST_TOOLS = """
			{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

	private String token;

	@BeforeEach
	void signUpAUser() {
		this.token = signUp().token();
	}

	@Test
	void initializeAnswersWithTheRequestedRevision() {
		post(this.token, INITIALIZE.formatted("2025-06-18")).expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.jsonrpc")
			.isEqualTo("2.0")
			.jsonPath("$.id")
			.isEqualTo(1)
			.jsonPath("$.result.protocolVersion")
			.isEqualTo("2025-06-18")
			.jsonPath("$.result.serverInfo.name")
			.isEqualTo("mcp")
			.jsonPath("$.result.capabilities.tools")
			.exists()
			.jsonPath("$.result.instructions")
			.isNotEmpty();
	}

	@Test
	void initializeAcceptsTheOlderRevision() {
		post(this.token, INITIALIZE.formatted("2025-03-26")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.protocolVersion")
			.isEqualTo("2025-03-26");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-11-25", "2024-11-05", "1999-01-01" })
	void initializeOffersTheRevisionItPrefersForAnyOther(String requested) {
		post(this.token, INITIALIZE.formatted(requested)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.protocolVersion")
			.isEqualTo("2025-06-18");
	}

	@Test
	void supportedProtocolVersionHeaderIsHonoured() {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.header("MCP-Protocol-Version", "2025-06-18")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.tools.length()")
			.isEqualTo(8);
	}

	@Test
	void unsupportedProtocolVersionHeaderIsABadRequest() {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.header("MCP-Protocol-Version", "2099-01-01")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("2099-01-01", "2025-06-18"));
	}

	@Test
	void initializeMayProposeAnyRevisionInTheHeader() {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.header("MCP-Protocol-Version", "2025-11-25")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(INITIALIZE.formatted("2025-11-25"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.protocolVersion")
			.isEqualTo("2025-06-18");
	}

	@Test
	void getIsNotAllowed() {
		http().get()
			.uri("/mcp")
			.header(HttpHeaders.ACCEPT, "text/event-stream")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
	}

	@Test
	void deleteIsNotAllowedForThereAreNoSessions() {
		http().delete()
			.uri("/mcp")
			.header("Mcp-Session-Id", "any")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void notificationIsAcceptedWithoutABody() {
		post(this.token, """
				{"jsonrpc":"2.0","method":"notifications/initialized"}""").expectStatus()
			.isAccepted()
			.expectBody()
			.isEmpty();
	}

	@Test
	void responseFromTheClientIsAcceptedWithoutABody() {
		post(this.token, """
				{"jsonrpc":"2.0","id":"s-1","result":{}}""").expectStatus().isAccepted().expectBody().isEmpty();
	}

	@Test
	void malformedJsonIsAParseError() {
		post(this.token, "{\"jsonrpc\":\"2.0\",\"id\":1,").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.jsonrpc")
			.isEqualTo("2.0")
			.jsonPath("$.id")
			.isEmpty()
			.jsonPath("$.error.code")
			.isEqualTo(-32700);
	}

	@Test
	void emptyBodyIsAParseError() {
		post(this.token, " ").expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo(-32700);
	}

	@Test
	void batchIsAnInvalidRequest() {
		post(this.token, "[" + LIST_TOOLS + "]").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(-32600);
	}

	@Test
	void objectThatIsNoMessageIsAnInvalidRequest() {
		post(this.token, "{\"jsonrpc\":\"2.0\",\"id\":1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(-32600);
	}

	@Test
	void unknownMethodIsMethodNotFound() {
		post(this.token, """
				{"jsonrpc":"2.0","id":3,"method":"resources/list"}""").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(3)
			.jsonPath("$.error.code")
			.isEqualTo(-32601);
	}

	@Test
	void unknownToolIsInvalidParams() {
		post(this.token, """
				{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"drop_tables","arguments":{}}}""")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(4)
			.jsonPath("$.error.code")
			.isEqualTo(-32602);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ",\"params\":\"add_task\"", ",\"params\":{\"name\":\"add_task\",\"arguments\":[1]}" })
	void toolCallWithParamsOfTheWrongFormIsInvalidParams(String params) {
		post(this.token, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\"" + params + "}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(6)
			.jsonPath("$.error.code")
			.isEqualTo(-32602);
	}

	@Test
	void requestWithANullIdIsAnInvalidRequestSayingWhy() {
		post(this.token, """
				{"jsonrpc":"2.0","id":null,"method":"ping"}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(-32600)
			.jsonPath("$.error.message")
			.value((String message) -> assertThat(message).contains("ID").doesNotContain("jackson", "Exception"));
	}

	@Test
	void pingIsAnsweredWithAnEmptyResult() {
		post(this.token, """
				{"jsonrpc":"2.0","id":"p","method":"ping"}""").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}", true);
	}

	@Test
	void missingTokenIsUnauthorized() {
		long before = tasks();
		post(null, LIST_TOOLS).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void forgedTokenIsUnauthorized() {
		post(this.token.substring(0, this.token.length() - 2) + "xx", LIST_TOOLS).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void initializeNeedsAToken() {
		post(null, INITIALIZE.formatted("2025-06-18")).expectStatus().isUnauthorized();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://evil.example", "http://localhost.evil.example", "null" })
	void disallowedOriginIsForbidden(String origin) {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.header(HttpHeaders.ORIGIN, origin)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:6274", "http://localhost", "http://127.0.0.1:8080" })
	void localOriginIsAllowed(String origin) {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.header(HttpHeaders.ORIGIN, origin)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void bodyOverSixtyFourKibibytesIsTooLarge() {
		long before = tasks();
		post(this.token,
				"""
						{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"%s"}}}"""
					.formatted("x".repeat(70_000)))
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void bodyThatIsNotJsonIsAnUnsupportedMediaType() {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.ACCEPT, MCP_ACCEPT)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void clientThatTakesNoJsonIsNotAcceptable() {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, "text/event-stream")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE);
	}

	@Test
	void clientThatSaysNothingOfAcceptGetsJson() {
		http().post()
			.uri("/mcp")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(LIST_TOOLS)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void responseCarriesNoRequestHeaders() {
		post(this.token, LIST_TOOLS).expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.AUTHORIZATION)
			.expectHeader()
			.doesNotExist(dev.todobot.mcp.protocol.McpFunction.STATUS_HEADER);
	}

}
