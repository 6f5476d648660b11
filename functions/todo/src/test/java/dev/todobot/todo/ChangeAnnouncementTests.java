package dev.todobot.todo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.testing.EventSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeAnnouncementTests extends TodoHttpTestSupport {

	private static final EventSink sink = EventSink.start();

	private static final BlockingQueue<Map<String, String>> received = sink.received();

	@DynamicPropertySource
	static void sink(DynamicPropertyRegistry registry) {
		registry.add("K_SINK", sink::url);
	}

	@AfterAll
	static void stopSink() {
		sink.close();
	}

	@Test
	void addedTaskIsAnnouncedAsACloudEvent() throws InterruptedException {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Announced"));
		Map<String, String> event = nextEventOfType("todo.task.added");
		assertThat(event.get("ce-source")).isEqualTo("/todo");
		assertThat(event.get("body")).contains("\"id\":" + id, "\"title\":\"Announced\"");
	}

	@Test
	void deletedTaskIsAnnounced() throws InterruptedException {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Gone soon"));
		call("deleteTask", token, Map.of("id", id)).expectStatus().isOk();
		assertThat(nextEventOfType("todo.task.deleted").get("body")).contains("\"id\":" + id);
	}

	@ParameterizedTest
	@EnumSource(TaskEvent.class)
	void everyAnnouncedChangeKeepsTheEventContract(TaskEvent type) throws InterruptedException {
		Map<?, ?> session = signUpSession();
		String token = (String) session.get("token");
		Object userId = ((Map<?, ?>) session.get("user")).get("id");
		long id = addTask(token, Map.of("title", "Keeps the contract", "dueDate", "2030-05-03", "tags", List.of("q4"),
				"dueTime", "09:30", "remindBeforeMinutes", 15, "recurrence", "FREQ=WEEKLY;BYDAY=FR"));
		switch (type) {
			case ADDED -> {
			}
			case UPDATED -> call("updateTask", token, Map.of("id", id, "priority", "high")).expectStatus().isOk();
			case COMPLETED -> call("completeTask", token, Map.of("id", id)).expectStatus().isOk();
			case DELETED -> call("deleteTask", token, Map.of("id", id)).expectStatus().isOk();
		}
		assertKeepsTheContract(type, nextEventOfType(type.type()), id, userId);
	}

	@Test
	void anUpdateThatCompletesAnOpenTaskIsAnnouncedAsCompleted() throws InterruptedException {
		Map<?, ?> session = signUpSession();
		String token = (String) session.get("token");
		Object userId = ((Map<?, ?>) session.get("user")).get("id");
		long id = addTask(token, Map.of("title", "Rent", "dueDate", "2030-05-01", "recurrence", "FREQ=MONTHLY"));
		assertThat(nextEventAbout(id).get("ce-type")).isEqualTo("todo.task.added");

		call("updateTask", token, Map.of("id", id, "completed", true)).expectStatus().isOk();
		Map<String, String> event = nextEventAbout(id);
		assertThat(event.get("ce-type")).isEqualTo("todo.task.completed");
		assertKeepsTheContract(TaskEvent.COMPLETED, event, id, userId);

		// a done task stays done: changing it more is an update
		call("updateTask", token, Map.of("id", id, "completed", true, "title", "Rent paid")).expectStatus().isOk();
		event = nextEventAbout(id);
		assertThat(event.get("ce-type")).isEqualTo("todo.task.updated");
		assertKeepsTheContract(TaskEvent.UPDATED, event, id, userId);
	}

	@Test
	void eachTaskABulkChangeChangedIsAnnouncedAsIfChangedAlone() throws InterruptedException {
		Map<?, ?> session = signUpSession();
		String token = (String) session.get("token");
		Object userId = ((Map<?, ?>) session.get("user")).get("id");
		long first = addTask(token, Map.of("title", "First", "dueDate", "2030-05-03", "recurrence", "FREQ=DAILY"));
		long second = addTask(token, Map.of("title", "Second"));
		received.clear();

		call("completeTasks", token, Map.of("ids", List.of(first, second, Long.MAX_VALUE))).expectStatus().isOk();
		// each is sent on its own, so they may arrive in either order
		Map<String, Map<String, String>> completed = new HashMap<>();
		for (int i = 0; i < 2; i++) {
			Map<String, String> event = nextEventOfType("todo.task.completed");
			completed.put(event.get("ce-subject"), event);
		}
		assertThat(completed).containsOnlyKeys(Long.toString(first), Long.toString(second));
		assertKeepsTheContract(TaskEvent.COMPLETED, completed.get(Long.toString(first)), first, userId);
		assertKeepsTheContract(TaskEvent.COMPLETED, completed.get(Long.toString(second)), second, userId);

		call("deleteTasks", token, Map.of("ids", List.of(second))).expectStatus().isOk();
		assertKeepsTheContract(TaskEvent.DELETED, nextEventOfType("todo.task.deleted"), second, userId);
	}

	private void assertKeepsTheContract(TaskEvent type, Map<String, String> event, long id, Object userId) {
		// binary mode: each attribute is a ce- header, datacontenttype the Content-Type
		for (String attribute : TaskEvent.REQUIRED_ATTRIBUTES) {
			String header = attribute.equals("datacontenttype") ? "content-type" : "ce-" + attribute;
			assertThat(event.get(header)).as(attribute).isNotBlank();
		}
		assertThat(event.get("ce-specversion")).isEqualTo("1.0");
		assertThat(event.get("ce-source")).isEqualTo("/todo");
		assertThat(event.get("ce-subject")).isEqualTo(Long.toString(id));
		assertThat(event.get("ce-userid")).isEqualTo(userId.toString());
		assertThat(event.get("content-type")).startsWith("application/json");
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(getClass().getClassLoader().getResourceAsStream(type.schema()));
		assertThat(schema.validate(JsonMapper.shared().readTree(event.get("body")))).as(event.get("body")).isEmpty();
	}

	@Test
	void readsAreNotAnnounced() throws InterruptedException {
		String token = signUp();
		received.clear();
		call("listTasks", token, Map.of()).expectStatus().isOk();
		assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void aRetriedAddIsAnnouncedOnce() throws InterruptedException {
		String token = signUp();
		String key = UUID.randomUUID().toString();
		long id = addTask(token, key);
		assertThat(nextEventOfType("todo.task.added").get("body")).contains("\"id\":" + id);
		assertThat(addTask(token, key)).isEqualTo(id);
		assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
	}

	private long addTask(String token, String idempotencyKey) {
		Map<?, ?> added = http().post().uri("/addTask").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("Idempotency-Key", idempotencyKey);
		})
			.bodyValue(Map.of("title", "Added once"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) added.get("id")).longValue();
	}

	private static Map<String, String> nextEventOfType(String type) throws InterruptedException {
		while (true) {
			Map<String, String> event = received.poll(10, TimeUnit.SECONDS);
			assertThat(event).as("an event of type " + type).isNotNull();
			if (type.equals(event.get("ce-type"))) {
				return event;
			}
		}
	}

	/** The next event about a task: events of other tests' tasks may still arrive. */
	private static Map<String, String> nextEventAbout(long id) throws InterruptedException {
		while (true) {
			Map<String, String> event = received.poll(10, TimeUnit.SECONDS);
			assertThat(event).as("an event about task " + id).isNotNull();
			if (Long.toString(id).equals(event.get("ce-subject"))) {
				return event;
			}
		}
	}

}
