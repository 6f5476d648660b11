package dev.todobot.chat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.todobot.core.testing.ChunkedBody;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.testing.HostileInput;
import dev.todobot.core.testing.HostileInput.Case;
import dev.todobot.core.testing.HostileInput.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat functions against the hostile corpus, in JSON and in event-stream mode: each
 * case is a 400 problem naming the field, never a 5xx, and no row of anyone changes. And
 * a body over 64 KiB is refused however it is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests extends ChatTestSupport {

	/** Stands in for the caller's own conversation, which the cases are made before. */
	private static final String OWN_CONVERSATION = "OWN_CONVERSATION";

	private static final String EVENTS = MediaType.TEXT_EVENT_STREAM_VALUE;

	private TestUser user;

	private String conversationId;

	@BeforeAll
	void startAConversation() {
		this.user = newUser();
		this.conversationId = (String) chatOk(this.user, Map.of("message", "add buy milk")).get("conversationId");
	}

	static Stream<Case> corpus() {
		Map<String, Kind> chat = Map.of("message", Kind.TEXT, "conversationId", Kind.UUID);
		return Stream
			.of(HostileInput.cases("chat", Map.of("message", "\"show my tasks\""), chat),
					HostileInput.cases("chat", Map.of("message", "\"show my tasks\""), chat)
						.map((hostile) -> new Case("chat " + EVENTS, hostile.body(), hostile.field())),
					HostileInput.cases("messages", Map.of("conversationId", OWN_CONVERSATION),
							Map.of("conversationId", Kind.UUID)))
			.flatMap((cases) -> cases);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void hostileValueIsABadRequestNamingTheFieldAndChangesNothing(Case hostile) {
		String body = hostile.body().replace(OWN_CONVERSATION, "\"" + this.conversationId + "\"");
		String[] route = hostile.function().split(" ");
		Rows before = Rows.now();
		EntityExchangeResult<String> answer = http().post()
			.uri("/" + route[0])
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, (route.length > 1) ? route[1] : MediaType.APPLICATION_JSON_VALUE)
			.headers((headers) -> headers.setBearerAuth(this.user.token()))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		HostileInput.assertRefused(answer, body, hostile.field());
		assertThat(Rows.now()).isEqualTo(before);
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { MediaType.APPLICATION_JSON_VALUE, EVENTS })
	void chunkedBodyOverTheLimitIsTooLargeAndChangesNothing(String accept) {
		Rows before = Rows.now();
		// a valid turn once the padding between its JSON tokens is skipped
		EntityExchangeResult<String> answer = chunked(accept,
				"{\"message\":\"add a big task\"" + " ".repeat(70_000) + "}");
		assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(413);
		assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Rows.now()).isEqualTo(before);
	}

	@Test
	void chunkedBodyWithinTheLimitIsStreamed() {
		EntityExchangeResult<String> answer = chunked(EVENTS,
				"{\"message\":\"show my tasks\"" + " ".repeat(40_000) + "}");
		assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(200);
		assertThat(answer.getResponseBody()).contains("event:done");
	}

	private EntityExchangeResult<String> chunked(String accept, String body) {
		return http().post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, accept)
			.headers((headers) -> headers.setBearerAuth(this.user.token()))
			.body(ChunkedBody.of(body))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/** Everyone's rows, which a refused request must leave as they were. */
	private record Rows(List<Long> counts) {

		static Rows now() {
			return new Rows(EmbeddedDatabase.counts("select (select count(*) from users), (select count(*) from tasks),"
					+ " (select count(*) from conversations), (select count(*) from messages)"));
		}

	}

}
