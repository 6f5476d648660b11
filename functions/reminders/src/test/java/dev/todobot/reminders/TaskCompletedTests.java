package dev.todobot.reminders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskCompletedTests extends RemindersHttpTestSupport {

	@Test
	void theSameCompletionDeliveredTwiceGivesOneNextOccurrence() {
		long task = recurringDoneTask("FREQ=DAILY");
		String id = UUID.randomUUID().toString();
		completed(task, id).expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("ce-type")
			.expectBody()
			.jsonPath("$.duplicate")
			.isEqualTo(false)
			.jsonPath("$.nextTaskId")
			.isNumber();
		completed(task, id).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);
		assertThat(value("select count(*) from tasks where previous_task_id = " + task)).isOne();
		assertThat(value("select count(*) from tasks where previous_task_id = " + task
				+ " and due_date = current_date + 1 and not completed and recurrence = 'FREQ=DAILY'"))
			.isOne();
		assertThat(value("select count(*) from processed_events where consumer = 'reminders' and event_id = '" + id
				+ "' and event_source = '/todo'"))
			.isOne();
	}

	@Test
	void theSameCompletionDeliveredTwiceAtOnceGivesOneNextOccurrence() throws Exception {
		long task = recurringDoneTask("FREQ=WEEKLY");
		String id = UUID.randomUUID().toString();
		HttpClient client = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			deliveries.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url() + "/taskCompleted"))
				.header("ce-specversion", "1.0")
				.header("ce-id", id)
				.header("ce-source", "/todo")
				.header("ce-type", "todo.task.completed")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"id\":" + task + ",\"completed\":true}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
			assertThat(delivery.get().statusCode()).as(delivery.get().body()).isEqualTo(200);
		}
		assertThat(value("select count(*) from tasks where previous_task_id = " + task)).isOne();
	}

	@Test
	void anotherCompletionOfTheSameTaskAddsNoSecondOccurrence() {
		long task = recurringDoneTask("FREQ=DAILY");
		completed(task, UUID.randomUUID().toString()).expectStatus().isOk();
		completed(task, UUID.randomUUID().toString()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.duplicate")
			.isEqualTo(false)
			.jsonPath("$.nextTaskId")
			.isEmpty();
		assertThat(value("select count(*) from tasks where previous_task_id = " + task)).isOne();
	}

	@Test
	void aTaskThatDoesNotRepeatIsNotFollowed() {
		long task = value("insert into tasks (user_id, title, due_date, completed, completed_at) values (" + user()
				+ ", 'Once', current_date, true, now()) returning id");
		completed(task, UUID.randomUUID().toString()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.nextTaskId")
			.isEmpty();
		assertThat(value("select count(*) from tasks where previous_task_id = " + task)).isZero();
	}

	@Test
	void aStructuredModeCompletionIsTaken() {
		long task = recurringDoneTask("FREQ=MONTHLY");
		structured("/taskCompleted",
				"{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/todo\","
						+ "\"type\":\"todo.task.completed\",\"datacontenttype\":\"application/json\",\"data\":{\"id\":"
						+ task + "}}")
			.expectStatus()
			.isOk();
		assertThat(value("select count(*) from tasks where previous_task_id = " + task)).isOne();
	}

	@Test
	void foreignOrMalformedEventsAreRefusedAndNothingIsWritten() {
		long task = recurringDoneTask("FREQ=DAILY");
		long processed = value("select count(*) from processed_events");
		binary("/taskCompleted", "todo.task.added", "1", Map.of(), "{\"id\":" + task + "}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("ce-type");
		binary("/taskCompleted", "todo.task.completed", "2", Map.of(), "{\"title\":\"no id\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("data.id");
		http().post()
			.uri("/taskCompleted")
			.header("Content-Type", "application/json")
			.bodyValue("{\"id\":" + task + "}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("cloudevent");
		assertThat(value("select count(*) from tasks where previous_task_id = " + task)).isZero();
		assertThat(value("select count(*) from processed_events")).isEqualTo(processed);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec completed(long task, String id) {
		return http().post().uri("/taskCompleted").headers((headers) -> {
			headers.set("ce-specversion", "1.0");
			headers.set("ce-id", id);
			headers.set("ce-source", "/todo");
			headers.set("ce-type", "todo.task.completed");
		})
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue("{\"id\":" + task + ",\"completed\":true}")
			.exchange();
	}

	/**
	 * A recurring task due today, just marked done.
	 */
	private static long recurringDoneTask(String rule) {
		return value("insert into tasks (user_id, title, due_date, recurrence, recurrence_start, completed,"
				+ " completed_at) values (" + user() + ", 'Water the plants', current_date, '" + rule
				+ "', current_date, true, now()) returning id");
	}

}
