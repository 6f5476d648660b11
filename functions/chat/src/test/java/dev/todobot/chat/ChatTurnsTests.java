package dev.todobot.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns in one conversation, one at a time; a failed first turn names its conversation; a
 * turn retried with its Idempotency-Key is answered once.
 */
class ChatTurnsTests extends ChatTestSupport {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("OPENAI_API_KEY", () -> "test-key");
		registry.add("OPENAI_BASE_URL", OpenAiWireMock::baseUrl);
		registry.add("CHAT_MODEL_TIMEOUT", () -> "30s");
		// the real mcp function shares a busy machine with the tests
		registry.add("MCP_TIMEOUT", () -> "90s");
	}

	private static void provider(ResponseDefinitionBuilder response) {
		OpenAiWireMock.server.resetAll();
		OpenAiWireMock.server.stubFor(WireMock.post("/v1/chat/completions").willReturn(response));
	}

	private static int modelCalls() {
		return OpenAiWireMock.server.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/chat/completions")))
			.size();
	}

	private WebTestClient.ResponseSpec chat(TestUser user, Object body, String idempotencyKey) {
		return http().post().uri("/chat").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			headers.setBearerAuth(user.token());
			headers.set("Idempotency-Key", idempotencyKey);
		}).bodyValue(body).exchange();
	}

	private List<ServerSentEvent<String>> stream(TestUser user, Object body, String idempotencyKey) {
		return WebClient.create("http://localhost:" + this.port)
			.post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				headers.setBearerAuth(user.token());
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			})
			.bodyValue(body)
			.retrieve()
			.bodyToFlux(EVENT)
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	private List<?> messages(TestUser user, Object conversationId) {
		return http().post()
			.uri("/messages")
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.bodyValue(Map.of("conversationId", conversationId))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Waits until a turn has kept the user's message: it holds its conversation and asks
	 * the model.
	 */
	static void awaitUserMessage(TestUser user, String text) throws InterruptedException {
		String kept = "select count(*) from messages m join conversations c on c.id = m.conversation_id"
				+ " where c.user_id = " + user.id() + " and m.role = 'user' and m.content = '" + text + "'";
		for (int attempt = 0; attempt < 1200 && count(kept) == 0; attempt++) {
			Thread.sleep(50);
		}
	}

	private static String said(Object message) {
		Map<?, ?> view = (Map<?, ?>) message;
		return view.get("role") + ": " + view.get("content");
	}

	@Test
	void aSecondTurnWhileAReplyIsBeingWrittenIsAConflictAndTheHistoryStaysInOrder() throws Exception {
		TestUser user = newUser();
		provider(WireMock.okJson(OpenAiWireMock.text("Hello.")));
		Object conversationId = chatOk(user, Map.of("message", "hi")).get("conversationId");
		provider(WireMock.okJson(OpenAiWireMock.text("Thought about it.")).withFixedDelay(5000));
		// not on the common pool, which the MCP client needs too and has one thread here
		ExecutorService client = Executors.newVirtualThreadPerTaskExecutor();
		Future<Map<?, ?>> slow = client
			.submit(() -> chatOk(user, Map.of("message", "think slowly", "conversationId", conversationId)));
		awaitUserMessage(user, "think slowly");
		assertThat(slow).isNotDone();
		chat(user, Map.of("message", "meanwhile", "conversationId", conversationId)).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("A reply is still being written in this conversation; try again when it is done");
		assertThat(slow.get().get("reply")).isEqualTo("Thought about it.");
		client.close();
		assertThat(modelCalls()).isEqualTo(1);
		assertThat(messages(user, conversationId).stream().map(ChatTurnsTests::said)).containsExactly("user: hi",
				"assistant: Hello.", "user: think slowly", "assistant: Thought about it.");
		// the conversation is free again
		provider(WireMock.okJson(OpenAiWireMock.text("Now, yes.")));
		assertThat(chatOk(user, Map.of("message", "now?", "conversationId", conversationId)).get("reply"))
			.isEqualTo("Now, yes.");
	}

	@Test
	void aTurnOfAReplicaThatDiedHoldsItsConversationOnlyUntilItsLeaseRunsOut() {
		TestUser user = newUser();
		provider(WireMock.okJson(OpenAiWireMock.text("Hello.")));
		Object conversationId = chatOk(user, Map.of("message", "hi")).get("conversationId");
		EmbeddedDatabase
			.execute("update conversations set turn_id = gen_random_uuid(), turn_until = now() + interval '1 hour'"
					+ " where id = '" + conversationId + "'");
		chat(user, Map.of("message", "still there?", "conversationId", conversationId)).expectStatus().isEqualTo(409);
		EmbeddedDatabase.execute("update conversations set turn_until = now() - interval '1 second' where id = '"
				+ conversationId + "'");
		assertThat(chatOk(user, Map.of("message", "still there?", "conversationId", conversationId)).get("reply"))
			.isEqualTo("Hello.");
	}

	@Test
	void aFailedFirstTurnNamesItsConversationWhichCanBeContinued() {
		TestUser user = newUser();
		provider(WireMock.serverError().withBody("{\"error\":{\"message\":\"boom\"}}"));
		Map<?, ?> problem = chat(user, Map.of("message", "add buy milk")).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String conversationId = (String) problem.get("conversationId");
		assertThat(count("select count(*) from conversations where user_id = " + user.id() + " and id = '"
				+ UUID.fromString(conversationId) + "'"))
			.isEqualTo(1);

		List<ServerSentEvent<String>> events = stream(user,
				Map.of("message", "add buy bread", "conversationId", conversationId), null);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data()).contains("\"status\":502", "\"conversationId\":\"" + conversationId + "\"");
		});

		provider(WireMock.okJson(OpenAiWireMock.text("Sorry about that, here I am.")));
		Map<?, ?> turn = chatOk(user, Map.of("message", "are you back?", "conversationId", conversationId));
		assertThat(turn.get("conversationId")).isEqualTo(conversationId);
		assertThat(messages(user, conversationId).stream().map(ChatTurnsTests::said)).containsExactly(
				"user: add buy milk", "user: add buy bread", "user: are you back?",
				"assistant: Sorry about that, here I am.");
	}

	@Test
	void aTurnSentTwiceWithItsIdempotencyKeyIsAnsweredOnceWithTheSameReply() {
		TestUser user = newUser();
		String key = UUID.randomUUID().toString();
		OpenAiWireMock.script(OpenAiWireMock.text("First answer."), OpenAiWireMock.text("Second answer."));
		Map<?, ?> first = chat(user, Map.of("message", "hello there"), key).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> again = chat(user, Map.of("message", "hello there"), key).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).isEqualTo(first);
		assertThat(first.get("reply")).isEqualTo("First answer.");
		List<ServerSentEvent<String>> streamed = stream(user, Map.of("message", "hello there"), key);
		assertThat(streamed).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("done");
			assertThat(event.data()).contains("\"reply\":\"First answer.\"",
					"\"conversationId\":\"" + first.get("conversationId") + "\"");
		});
		assertThat(modelCalls()).isEqualTo(1);
		assertThat(count("select count(*) from conversations where user_id = " + user.id())).isEqualTo(1);
		assertThat(messages(user, first.get("conversationId")).stream().map(ChatTurnsTests::said))
			.containsExactly("user: hello there", "assistant: First answer.");

		chat(user, Map.of("message", "something else"), key).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("Idempotency-Key");
	}

	@Test
	void theSameIdempotencyKeyOfTwoUsersIsTwoTurns() {
		TestUser alice = newUser();
		TestUser bob = newUser();
		String key = "retry-1";
		OpenAiWireMock.script(OpenAiWireMock.text("Hi Alice."), OpenAiWireMock.text("Hi Bob."));
		Map<?, ?> alices = chat(alice, Map.of("message", "hello"), key).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> bobs = chat(bob, Map.of("message", "hello"), key).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(alices.get("reply")).isEqualTo("Hi Alice.");
		assertThat(bobs.get("reply")).isEqualTo("Hi Bob.");
		assertThat(bobs.get("conversationId")).isNotEqualTo(alices.get("conversationId"));
		chat(alice, Map.of("message", "hello"), key).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reply")
			.isEqualTo("Hi Alice.");
		chat(bob, Map.of("message", "hello"), key).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reply")
			.isEqualTo("Hi Bob.");
		assertThat(modelCalls()).isEqualTo(2);
	}

}
