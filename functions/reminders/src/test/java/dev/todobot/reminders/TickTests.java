package dev.todobot.reminders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.core.event.ReminderEvent;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TickTests extends RemindersHttpTestSupport {

	@Test
	void aDueReminderIsListedAndSentAsATodoReminderDueEvent() throws Exception {
		long user = user();
		long task = task(user, "now() - interval '1 minute'", false);
		tick().expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("ce-type")
			.expectBody()
			.jsonPath("$.claimed")
			.value((claimed) -> {
				assertThat((Integer) claimed).isPositive();
			});
		assertThat(value("select count(*) from reminders where task_id = " + task + " and user_id = " + user)).isOne();
		assertThat(value("select count(*) from tasks where id = " + task + " and reminded_at is not null")).isOne();
		Map<String, String> event = awaitSent(List.of(task), 1).getFirst();
		// binary mode: each attribute is a ce- header, datacontenttype the Content-Type
		for (String attribute : ReminderEvent.REQUIRED_ATTRIBUTES) {
			String header = attribute.equals("datacontenttype") ? "content-type" : "ce-" + attribute;
			assertThat(event.get(header)).as(attribute).isNotBlank();
		}
		assertThat(event.get("ce-type")).isEqualTo("todo.reminder.due");
		assertThat(event.get("ce-source")).isEqualTo("/reminders");
		assertThat(event.get("ce-userid")).isEqualTo(Long.toString(user));
		JsonNode data = JsonMapper.shared().readTree(event.get("body"));
		assertThat(data.get("taskId").asLong()).isEqualTo(task);
		assertThat(data.get("dueTime").asString()).isEqualTo("09:30");
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(getClass().getClassLoader().getResourceAsStream(ReminderEvent.DUE.schema()));
		assertThat(schema.validate(data)).as(event.get("body")).isEmpty();
	}

	@Test
	void aReminderIsNotSentBeforeItsTimeNorForACompletedTask() throws Exception {
		long user = user();
		long future = task(user, "now() + interval '1 hour'", false);
		long done = task(user, "now() - interval '1 minute'", true);
		long due = task(user, "now() - interval '1 minute'", false);
		tick().expectStatus().isOk();
		awaitSent(List.of(due), 1);
		assertThat(value("select count(*) from reminders where task_id in (" + future + ", " + done + ")")).isZero();
		assertThat(value(
				"select count(*) from tasks where id in (" + future + ", " + done + ") and reminded_at is not null"))
			.isZero();
		assertThat(sentAbout(List.of(future, done))).isEmpty();
	}

	@Test
	void twoConcurrentTicksSendEachReminderOnce() throws Exception {
		long user = user();
		// several batches' worth, so that the two ticks claim batch after batch side by
		// side
		List<Long> tasks = many(user, 350);
		HttpClient client = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> ticks = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			ticks.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url() + "/tick"))
				.header("ce-specversion", "1.0")
				.header("ce-id", UUID.randomUUID().toString())
				.header("ce-source", "/apis/v1/namespaces/todo/pingsources/reminders-tick")
				.header("ce-type", "dev.knative.sources.ping")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> tick : ticks) {
			assertThat(tick.get().statusCode()).as(tick.get().body()).isEqualTo(200);
		}
		String ids = tasks.stream().map(String::valueOf).collect(Collectors.joining(","));
		assertThat(value("select count(*) from reminders where task_id in (" + ids + ")")).isEqualTo(tasks.size());
		assertThat(value("select count(distinct task_id) from reminders where task_id in (" + ids + ")"))
			.isEqualTo(tasks.size());
		List<Map<String, String>> events = awaitSent(tasks, tasks.size());
		assertThat(events.stream().map((event) -> event.get("ce-subject")).collect(Collectors.toSet()))
			.hasSize(tasks.size());
		Thread.sleep(500);
		assertThat(sentAbout(tasks)).as("no event sent twice").hasSize(tasks.size());
	}

	@Test
	void aTickSkipsTheRowsAnotherClaimHoldsAndTheNextTickTakesThem() throws Exception {
		long user = user();
		long held = task(user, "now() - interval '1 minute'", false);
		long free = task(user, "now() - interval '1 minute'", false);
		DatabaseSettings db = EmbeddedDatabase.settings();
		try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				// another tick's claim, still open
				statement.executeQuery("select id from tasks where id = " + held + " for update");
				tick().expectStatus().isOk();
				assertThat(value("select count(*) from reminders where task_id = " + free)).isOne();
				assertThat(value("select count(*) from reminders where task_id = " + held)).isZero();
			}
			other.rollback();
		}
		tick().expectStatus().isOk();
		assertThat(value("select count(*) from reminders where task_id = " + held)).isOne();
		awaitSent(List.of(held, free), 2);
	}

	@Test
	void aTickOfAnotherTypeIsRefusedAndClaimsNothing() {
		long task = task(user(), "now() - interval '1 minute'", false);
		binary("/tick", "todo.task.completed", "1", Map.of(), "{}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("ce-type");
		http().post()
			.uri("/tick")
			.header("Content-Type", "application/json")
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("cloudevent");
		assertThat(value("select count(*) from reminders where task_id = " + task)).isZero();
	}

	@Test
	void aTickInStructuredModeIsTaken() throws Exception {
		long task = task(user(), "now() - interval '1 minute'", false);
		structured("/tick",
				"{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
						+ "\",\"source\":\"/apis/v1/namespaces/todo/pingsources/reminders-tick\","
						+ "\"type\":\"dev.knative.sources.ping\",\"datacontenttype\":\"application/json\",\"data\":{}}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("ce-type");
		assertThat(value("select count(*) from reminders where task_id = " + task)).isOne();
	}

	private static List<Long> many(long user, int count) {
		EmbeddedDatabase.execute("insert into tasks (user_id, title, due_date, remind_at) select " + user
				+ ", 'Task ' || n, current_date, now() - n * interval '1 second' from generate_series(1, " + count
				+ ") n");
		List<Long> ids = new ArrayList<>();
		long first = value("select min(id) from tasks where user_id = " + user);
		for (long id = first; id < first + count; id++) {
			ids.add(id);
		}
		assertThat(value("select count(*) from tasks where user_id = " + user + " and id between " + first + " and "
				+ (first + count - 1)))
			.isEqualTo(count);
		return ids;
	}

	/**
	 * Waits until the sink has the events about these tasks.
	 */
	private static List<Map<String, String>> awaitSent(List<Long> tasks, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + RESPONSE_TIMEOUT.toNanos();
		List<Map<String, String>> events = sentAbout(tasks);
		while (events.size() < expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
			events = sentAbout(tasks);
		}
		assertThat(events).hasSizeGreaterThanOrEqualTo(expected);
		return events;
	}

}
