package dev.todobot.reminders;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTests extends RemindersHttpTestSupport {

	private static final String FAILURE = Base64.getEncoder()
		.encodeToString("{\"title\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));

	@Test
	void aDeadLetterIsKeptWholeWithKnativesErrorExtensions() {
		String id = UUID.randomUUID().toString();
		binary("/deadLetter", "todo.task.completed", id,
				Map.of("knativeerrordest", "http://reminders.todo.svc.cluster.local/taskCompleted", "knativeerrorcode",
						"500", "knativeerrordata", FAILURE, "userid", "7", "subject", "42"),
				"{\"id\":42,\"title\":\"Pay rent\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("ce-type")
			.expectBody()
			.jsonPath("$.id")
			.isNumber();
		String row = "select count(*) from dead_letters where event_id = '" + id + "'";
		assertThat(value(row + " and event_type = 'todo.task.completed' and event_source = '/tests'"
				+ " and error_destination = 'http://reminders.todo.svc.cluster.local/taskCompleted'"
				+ " and error_code = 500 and error_data = '" + FAILURE + "'"))
			.isOne();
		// the event as it came, in CloudEvents' JSON format: its data and every extension
		assertThat(value(row + " and event->>'subject' = '42' and event->>'userid' = '7'"
				+ " and event->>'knativeerrorcode' = '500' and event->'data'->>'title' = 'Pay rent'"))
			.isOne();
		http().get()
			.uri("/deadLetters")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].eventId")
			.isEqualTo(id)
			.jsonPath("$.items[0].type")
			.isEqualTo("todo.task.completed")
			.jsonPath("$.items[0].errorCode")
			.isEqualTo(500)
			.jsonPath("$.items[0].errorDestination")
			.isEqualTo("http://reminders.todo.svc.cluster.local/taskCompleted")
			.jsonPath("$.items[0].errorData")
			.isEqualTo(FAILURE)
			.jsonPath("$.items[0].event.data.title")
			.isEqualTo("Pay rent")
			.jsonPath("$.items[0].receivedAt")
			.isNotEmpty();
	}

	@Test
	void aDeadLetterInStructuredModeIsKept() {
		String id = UUID.randomUUID().toString();
		structured("/deadLetter",
				"{\"specversion\":\"1.0\",\"id\":\"" + id
						+ "\",\"source\":\"/apis/v1/namespaces/todo/pingsources/reminders-tick\","
						+ "\"type\":\"dev.knative.sources.ping\",\"knativeerrordest\":\"http://reminders/tick\","
						+ "\"knativeerrorcode\":\"503\",\"datacontenttype\":\"application/json\",\"data\":{}}")
			.expectStatus()
			.isOk();
		assertThat(value("select count(*) from dead_letters where event_id = '" + id
				+ "' and event_type = 'dev.knative.sources.ping' and error_code = 503"
				+ " and error_destination = 'http://reminders/tick' and error_data is null"))
			.isOne();
	}

	@Test
	void whatIsNoCloudEventIsRefusedAndNothingIsKept() {
		long before = value("select count(*) from dead_letters");
		http().post()
			.uri("/deadLetter")
			.header("Content-Type", "application/json")
			.bodyValue("{\"id\":42}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("cloudevent");
		structured("/deadLetter", "{\"specversion\":\"1.0\",\"type\":\"x\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("cloudevent");
		binary("/deadLetter", "todo.task.completed", UUID.randomUUID().toString(),
				Map.of("knativeerrorcode", "not-a-status"), "{}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("knativeerrorcode");
		assertThat(value("select count(*) from dead_letters")).isEqualTo(before);
	}

}
