package dev.todobot.mcp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.testing.EventSink;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change a tool makes is announced to {@code K_SINK} as the todo function announces
 * it, so that a recurring task completed through MCP (by chat) gets its next occurrence.
 */
class ChangeAnnouncementTests extends McpHttpTestSupport {

	private static final EventSink sink = EventSink.start();

	private static final BlockingQueue<Map<String, String>> received = sink.received();

	private Session owner;

	@DynamicPropertySource
	static void sink(DynamicPropertyRegistry registry) {
		registry.add("K_SINK", sink::url);
	}

	@AfterAll
	static void stopSink() {
		sink.close();
	}

	@BeforeEach
	void owner() {
		this.owner = signUp();
		received.clear();
	}

	@Test
	void addTaskIsAnnouncedAsAdded() throws InterruptedException {
		long id = add();
		Map<String, String> event = nextEvent();
		assertKeepsTheContract(TaskEvent.ADDED, event, id);
		assertThat(event.get("body")).contains("\"title\":\"Pay the rent\"",
				"\"recurrence\":\"FREQ=MONTHLY;BYMONTHDAY=1\"");
	}

	@Test
	void updateTaskIsAnnouncedAsUpdated() throws InterruptedException {
		long id = addRecurringTask();
		assertThat(callTool(this.owner.token(), "update_task", "{\"task_id\":%d,\"priority\":\"high\"}".formatted(id)))
			.containsEntry("isError", false);
		Map<String, String> event = nextEventOfType("todo.task.updated");
		assertKeepsTheContract(TaskEvent.UPDATED, event, id);
		assertThat(event.get("body")).contains("\"priority\":\"high\"");
	}

	@Test
	void completeTaskIsAnnouncedAsCompleted() throws InterruptedException {
		long id = addRecurringTask();
		callTool(this.owner.token(), "complete_task", "{\"task_id\":%d}".formatted(id));
		Map<String, String> event = nextEventOfType("todo.task.completed");
		assertKeepsTheContract(TaskEvent.COMPLETED, event, id);
		assertThat(event.get("body")).contains("\"completed\":true");
	}

	@Test
	void anUpdateThatCompletesAnOpenTaskIsAnnouncedAsCompleted() throws InterruptedException {
		long id = addRecurringTask();
		callTool(this.owner.token(), "update_task", "{\"task_id\":%d,\"completed\":true}".formatted(id));
		Map<String, String> event = nextEvent();
		assertThat(event.get("ce-type")).isEqualTo("todo.task.completed");
		assertKeepsTheContract(TaskEvent.COMPLETED, event, id);

		// a done task stays done: changing it more is an update
		callTool(this.owner.token(), "update_task",
				"{\"task_id\":%d,\"completed\":true,\"title\":\"Renamed\"}".formatted(id));
		event = nextEvent();
		assertThat(event.get("ce-type")).isEqualTo("todo.task.updated");
		assertKeepsTheContract(TaskEvent.UPDATED, event, id);
	}

	@Test
	void deleteTaskIsAnnouncedWithTheDeletedId() throws InterruptedException {
		long id = addRecurringTask();
		callTool(this.owner.token(), "delete_task", "{\"task_id\":%d}".formatted(id));
		Map<String, String> event = nextEventOfType("todo.task.deleted");
		assertKeepsTheContract(TaskEvent.DELETED, event, id);
		assertThat(event.get("body")).isEqualTo("{\"id\":" + id + ",\"deleted\":true}");
	}

	@Test
	void bulkToolsAnnounceEachTaskTheyChangedAsIfChangedAlone() throws InterruptedException {
		long first = addRecurringTask();
		long second = addRecurringTask();
		received.clear();

		callTool(this.owner.token(), "complete_tasks", "{\"ids\":[%d,%d,%d]}".formatted(first, second, Long.MAX_VALUE));
		Map<String, Map<String, String>> completed = new HashMap<>();
		for (int i = 0; i < 2; i++) {
			Map<String, String> event = nextEvent();
			assertThat(event.get("ce-type")).isEqualTo("todo.task.completed");
			completed.put(event.get("ce-subject"), event);
		}
		assertThat(completed).containsOnlyKeys(Long.toString(first), Long.toString(second));
		assertKeepsTheContract(TaskEvent.COMPLETED, completed.get(Long.toString(first)), first);
		assertKeepsTheContract(TaskEvent.COMPLETED, completed.get(Long.toString(second)), second);

		callTool(this.owner.token(), "delete_tasks", "{\"ids\":[%d,%d]}".formatted(Long.MAX_VALUE, second));
		Map<String, String> deleted = nextEvent();
		assertThat(deleted.get("ce-type")).isEqualTo("todo.task.deleted");
		assertKeepsTheContract(TaskEvent.DELETED, deleted, second);
		// the unknown id changed nothing, so nothing more is announced
		assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void readsAndRefusedCallsAreNotAnnounced() throws InterruptedException {
		callTool(this.owner.token(), "list_tasks", "{}");
		assertThat(callTool(this.owner.token(), "complete_task", "{\"task_id\":%d}".formatted(Long.MAX_VALUE)))
			.containsEntry("isError", true);
		assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
	}

	/** Adds a recurring task, and takes its announcement. */
	private long addRecurringTask() throws InterruptedException {
		long id = add();
		assertThat(nextEventOfType("todo.task.added").get("ce-subject")).isEqualTo(Long.toString(id));
		return id;
	}

	private long add() {
		Map<String, Object> added = callTool(this.owner.token(), "add_task",
				"{\"title\":\"Pay the rent\",\"due_date\":\"2030-05-01\",\"due_time\":\"09:30\","
						+ "\"remind_before_minutes\":15,\"recurrence\":\"FREQ=MONTHLY;BYMONTHDAY=1\",\"tags\":[\"home\"]}");
		assertThat(added).containsEntry("isError", false);
		return ((Number) structured(added).get("id")).longValue();
	}

	private void assertKeepsTheContract(TaskEvent type, Map<String, String> event, long id) {
		// binary mode: each attribute is a ce- header, datacontenttype the Content-Type
		for (String attribute : TaskEvent.REQUIRED_ATTRIBUTES) {
			String header = attribute.equals("datacontenttype") ? "content-type" : "ce-" + attribute;
			assertThat(event.get(header)).as(attribute).isNotBlank();
		}
		assertThat(event.get("ce-specversion")).isEqualTo("1.0");
		assertThat(event.get("ce-type")).isEqualTo(type.type());
		assertThat(event.get("ce-source")).isEqualTo("/mcp");
		assertThat(event.get("ce-subject")).isEqualTo(Long.toString(id));
		assertThat(event.get("ce-userid")).isEqualTo(Long.toString(this.owner.user().id()));
		assertThat(event.get("content-type")).startsWith("application/json");
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(getClass().getClassLoader().getResourceAsStream(type.schema()));
		assertThat(schema.validate(JsonMapper.shared().readTree(event.get("body")))).as(event.get("body")).isEmpty();
	}

	private static Map<String, String> nextEvent() throws InterruptedException {
		Map<String, String> event = received.poll(10, TimeUnit.SECONDS);
		assertThat(event).as("an event").isNotNull();
		return event;
	}

	private static Map<String, String> nextEventOfType(String type) throws InterruptedException {
		while (true) {
			Map<String, String> event = nextEvent();
			if (type.equals(event.get("ce-type"))) {
				return event;
			}
		}
	}

}
