package dev.todobot.todo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsTests extends TodoHttpTestSupport {

	@Test
	void binaryModeEventIsAnsweredWithABinaryModeEvent() {
		String token = signUp();
		long before = tasks();
		http().post().uri("/addTask").headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("Ce-Specversion", "1.0");
			headers.set("Ce-Id", "42");
			headers.set("Ce-Source", "/tests");
			headers.set("Ce-Type", "todo.task.add");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"From an event\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ce-type", "todo.task.added")
			.expectHeader()
			.valueEquals("ce-specversion", "1.0")
			.expectHeader()
			.exists("ce-id")
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("From an event");
		assertThat(tasks()).isEqualTo(before + 1);
	}

	@Test
	void structuredModeEventIsAnsweredWithAStructuredModeEvent() {
		String token = signUp();
		addTask(token, Map.of("title", "Listed"));
		http().post()
			.uri("/listTasks")
			.headers((headers) -> headers.setBearerAuth(token))
			.header(HttpHeaders.CONTENT_TYPE, "application/cloudevents+json")
			.bodyValue("{\"specversion\":\"1.0\",\"id\":\"7\",\"source\":\"/tests\",\"type\":\"todo.task.list\","
					+ "\"datacontenttype\":\"application/json\",\"data\":{\"status\":\"pending\"}}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("application/cloudevents+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("todo.task.listed")
			.jsonPath("$.specversion")
			.isEqualTo("1.0")
			.jsonPath("$.data.items[0].title")
			.isEqualTo("Listed");
	}

	@Test
	void eventOfTheWrongTypeIsABadRequest() {
		String token = signUp();
		long before = tasks();
		http().post().uri("/addTask").headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("ce-specversion", "1.0");
			headers.set("ce-id", "1");
			headers.set("ce-source", "/tests");
			headers.set("ce-type", "todo.task.delete");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\":\"x\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("ce-type");
		assertThat(tasks()).isEqualTo(before);
	}

}
