package dev.todobot.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class ChatStreamTests extends ChatTestSupport {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private WebClient client() {
		return WebClient.create("http://localhost:" + this.port);
	}

	private reactor.core.publisher.Flux<ServerSentEvent<String>> stream(TestUser user, String message) {
		return client().post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.bodyValue(Map.of("message", message))
			.retrieve()
			.bodyToFlux(EVENT);
	}

	@Test
	void turnWithTwoToolCallsStreamsEachToolThenTheTextThenDone() {
		TestUser user = newUser();
		chatOk(user, Map.of("message", "add buy milk"));
		List<ServerSentEvent<String>> events = stream(user, "mark the milk done").collectList()
			.block(Duration.ofSeconds(60));
		List<String> names = events.stream().map(ServerSentEvent::event).toList();
		assertThat(names.subList(0, 2)).containsExactly("tool", "tool");
		assertThat(events.get(0).data()).contains("\"name\":\"list_tasks\"");
		assertThat(events.get(1).data()).contains("\"name\":\"complete_task\"");
		assertThat(names.subList(2, names.size() - 1)).isNotEmpty().containsOnly("delta");
		assertThat(names.getLast()).isEqualTo("done");
		String streamed = String.join("",
				events.subList(2, events.size() - 1)
					.stream()
					.map((event) -> event.data().replaceAll("^\\{\"text\":\"(.*)\"}$", "$1"))
					.toList());
		assertThat(events.getLast().data()).contains("\"conversationId\"", "\"reply\":\"" + streamed + "\"");
		assertThat(count("select count(*) from tasks where user_id = " + user.id() + " and completed")).isEqualTo(1);
	}

	@Test
	void clientThatLeavesMidStreamStillFindsTheReplyKept() throws InterruptedException {
		TestUser user = newUser();
		chatOk(user, Map.of("message", "add buy milk"));
		List<?> conversations = http().post()
			.uri("/conversations")
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.bodyValue(Map.of())
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		ServerSentEvent<String> first = stream(user, "mark the milk done").blockFirst(Duration.ofSeconds(60));
		assertThat(first).isNotNull();
		long replies = 0;
		for (int attempt = 0; attempt < 100 && replies < 2; attempt++) {
			Thread.sleep(300);
			replies = count("select count(*) from messages m join conversations c on c.id = m.conversation_id"
					+ " where c.user_id = " + user.id() + " and m.role = 'assistant' and m.tool_calls is null");
		}
		assertThat(conversations).hasSize(1);
		// the first turn's answer, and the streamed turn's answer
		assertThat(replies).isEqualTo(2);
	}

	@Test
	void onlyTheChatRouteStreams() {
		TestUser user = newUser();
		http().post()
			.uri("/conversations")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void streamingRequestWithoutATokenIsUnauthorized() {
		http().post()
			.uri("/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("message", "hi"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
