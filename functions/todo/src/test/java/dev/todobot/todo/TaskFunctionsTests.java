package dev.todobot.todo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class TaskFunctionsTests extends TodoHttpTestSupport {

	@Test
	void addTaskAnswersTheStoredTask() {
		String token = signUp();
		call("addTask", token,
				Map.of("title", " Buy milk ", "description", "2 litres", "dueDate", "2030-05-03", "priority", "HIGH",
						"tags", List.of("#Shop", "home")))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isNumber()
			.jsonPath("$.title")
			.isEqualTo("Buy milk")
			.jsonPath("$.description")
			.isEqualTo("2 litres")
			.jsonPath("$.dueDate")
			.isEqualTo("2030-05-03")
			.jsonPath("$.priority")
			.isEqualTo("high")
			.jsonPath("$.tags")
			.isEqualTo(List.of("shop", "home"))
			.jsonPath("$.completed")
			.isEqualTo(false)
			.jsonPath("$.createdAt")
			.isNotEmpty();
	}

	@Test
	void addTaskDefaultsToMediumPriorityAndNoTags() {
		String token = signUp();
		call("addTask", token, Map.of("title", "Call mom")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.priority")
			.isEqualTo("medium")
			.jsonPath("$.tags")
			.isEmpty()
			.jsonPath("$.dueDate")
			.doesNotExist();
	}

	@Test
	void getTaskAnswersTheTask() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Call mom"));
		call("getTask", token, Map.of("id", id)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Call mom");
	}

	@Test
	void updateTaskChangesOnlyTheGivenFields() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Call mom", "description", "about Sunday", "priority", "low"));
		call("updateTask", token, Map.of("id", id, "title", "Call dad", "tags", List.of("family"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Call dad")
			.jsonPath("$.description")
			.isEqualTo("about Sunday")
			.jsonPath("$.priority")
			.isEqualTo("low")
			.jsonPath("$.tags")
			.isEqualTo(List.of("family"));
	}

	@Test
	void updateTaskWithANullDueDateRemovesIt() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Pay rent", "dueDate", "2030-01-01"));
		http().post()
			.uri("/updateTask")
			.headers((headers) -> headers.setBearerAuth(token))
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.bodyValue("{\"id\":" + id + ",\"dueDate\":null}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dueDate")
			.doesNotExist();
	}

	@Test
	void completeTaskMarksItDoneWithATime() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Pay rent"));
		call("completeTask", token, Map.of("id", id)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completed")
			.isEqualTo(true)
			.jsonPath("$.completedAt")
			.isNotEmpty();
	}

	@Test
	void updateTaskCanReopenACompletedTask() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Pay rent"));
		call("completeTask", token, Map.of("id", id)).expectStatus().isOk();
		call("updateTask", token, Map.of("id", id, "completed", false)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completed")
			.isEqualTo(false)
			.jsonPath("$.completedAt")
			.doesNotExist();
	}

	@Test
	void deleteTaskRemovesIt() {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Pay rent"));
		call("deleteTask", token, Map.of("id", id)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.deleted")
			.isEqualTo(true);
		call("getTask", token, Map.of("id", id)).expectStatus().isNotFound();
	}

	@Test
	void getOnListTasksListsEverything() {
		String token = signUp();
		addTask(token, Map.of("title", "one"));
		addTask(token, Map.of("title", "two"));
		http().get()
			.uri("/listTasks")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].title")
			.isEqualTo(List.of("two", "one"));
	}

	@Test
	void responsesDoNotEchoRequestHeaders() {
		String token = signUp();
		HttpHeaders headers = call("listTasks", token, Map.of()).expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(headers.headerNames()).map(String::toLowerCase)
			.doesNotContain("authorization", "user-agent", "uri", "host", "accept");
	}

}
