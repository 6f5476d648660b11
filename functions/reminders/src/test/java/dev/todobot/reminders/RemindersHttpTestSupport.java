package dev.todobot.reminders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

import dev.todobot.core.testing.FunctionHttpTestSupport;
import dev.todobot.core.testing.EventSink;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Talks to the reminders function over real HTTP with CloudEvents, as the Broker does,
 * and keeps what it sends to {@code K_SINK} in {@link #sent}, as received by a real HTTP
 * sink. Users and tasks are written with plain SQL: this function has no route that makes
 * them.
 */
abstract class RemindersHttpTestSupport extends FunctionHttpTestSupport {

	private static final EventSink sink = EventSink.start();

	/** Every event the function sent to K_SINK: its headers (lower case) and "body". */
	static final BlockingQueue<Map<String, String>> sent = sink.received();

	@DynamicPropertySource
	static void sink(DynamicPropertyRegistry registry) {
		registry.add("K_SINK", sink::url);
	}

	/**
	 * Posts a CloudEvent in binary mode.
	 * @param path the route
	 * @param type its type
	 * @param id its id
	 * @param extensions more attributes
	 * @param data its JSON data
	 * @return the answer
	 */
	WebTestClient.ResponseSpec binary(String path, String type, String id, Map<String, String> extensions,
			String data) {
		return http().post().uri(path).headers((headers) -> {
			headers.set("Ce-Specversion", "1.0");
			headers.set("Ce-Id", id);
			headers.set("Ce-Source", "/tests");
			headers.set("Ce-Type", type);
			extensions.forEach((name, value) -> headers.set("Ce-" + name, value));
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(data).exchange();
	}

	/**
	 * Posts a CloudEvent in structured mode.
	 * @param path the route
	 * @param event the whole event in CloudEvents' JSON format
	 * @return the answer
	 */
	WebTestClient.ResponseSpec structured(String path, String event) {
		return http().post()
			.uri(path)
			.header(HttpHeaders.CONTENT_TYPE, "application/cloudevents+json")
			.bodyValue(event)
			.exchange();
	}

	/**
	 * A tick as PingSource sends it.
	 * @return the answer
	 */
	WebTestClient.ResponseSpec tick() {
		return binary("/tick", "dev.knative.sources.ping", UUID.randomUUID().toString(), Map.of(), "{}");
	}

	/**
	 * Adds a user.
	 * @return their id
	 */
	static long user() {
		return value("insert into users (email, password_hash) values ('" + UUID.randomUUID()
				+ "@example.com', 'not-a-hash') returning id");
	}

	/**
	 * Adds a task due today at 09:30 with a reminder.
	 * @param userId its owner
	 * @param remindAt an SQL expression for its reminder instant, such as
	 * {@code now() - interval '1 minute'}
	 * @param completed whether it is done
	 * @return its id
	 */
	static long task(long userId, String remindAt, boolean completed) {
		return value("insert into tasks (user_id, title, due_date, due_time, remind_at, completed) values (" + userId
				+ ", 'Water the plants', current_date, '09:30', " + remindAt + ", " + completed + ") returning id");
	}

	/**
	 * Runs a query of one whole number, or a statement returning one.
	 */
	static long value(String sql) {
		return count(sql);
	}

	/**
	 * The events sent so far about these tasks, leaving the others queued.
	 */
	static List<Map<String, String>> sentAbout(List<Long> taskIds) {
		List<String> subjects = taskIds.stream().map(String::valueOf).toList();
		return sent.stream().filter((event) -> subjects.contains(event.get("ce-subject"))).toList();
	}

}
