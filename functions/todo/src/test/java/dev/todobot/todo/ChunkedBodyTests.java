package dev.todobot.todo;

import java.util.Map;

import dev.todobot.core.testing.ChunkedBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies sent chunked, without {@code Content-Length}, are held to the same 64 KiB as any
 * other.
 */
class ChunkedBodyTests extends TodoHttpTestSupport {

	private String token;

	@BeforeEach
	void signUpFirst() {
		this.token = signUp();
	}

	@Test
	void chunkedBodyOverTheLimitIsTooLargeAndChangesNothing() {
		long before = tasks();
		// a valid task once the padding between its JSON tokens is skipped
		EntityExchangeResult<String> answer = post("{\"title\":\"big\"" + " ".repeat(70_000) + "}")
			.expectBody(String.class)
			.returnResult();
		assertThat(answer.getStatus().value()).as(answer.getResponseBody()).isEqualTo(413);
		assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tasks()).isEqualTo(before);
	}

	@Test
	void chunkedBodyWithinTheLimitIsRead() {
		// many chunks, padded with whitespace between JSON tokens
		post("{\"title\":\"Chunked\",\"description\":\"" + "d".repeat(4000) + "\"" + " ".repeat(50_000) + "}")
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.value((task) -> assertThat(task).containsEntry("title", "Chunked"));
	}

	private WebTestClient.ResponseSpec post(String body) {
		return http().post()
			.uri("/addTask")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.body(ChunkedBody.of(body))
			.exchange();
	}

}
