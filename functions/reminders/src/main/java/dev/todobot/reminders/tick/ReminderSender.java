package dev.todobot.reminders.tick;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.todobot.core.event.ReminderEvent;
import dev.todobot.core.reminder.DueReminder;
import dev.todobot.core.web.JsonBodies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends each claimed reminder as a {@code todo.reminder.due} CloudEvent (binary mode) to
 * {@code K_SINK}, the Broker. The reminder is already in its owner's list when it is
 * sent: an event the sink does not take is logged, and the reminder stays listed.
 */
public class ReminderSender {

	private static final Logger logger = LoggerFactory.getLogger(ReminderSender.class);

	private static final URI SOURCE = URI.create(ReminderEvent.SOURCE);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Events in flight at once: a backlog of reminders does not open a connection each.
	 */
	private static final int CONCURRENCY = 8;

	private final WebClient client;

	private final URI sink;

	private final JsonBodies json;

	/**
	 * @param client the HTTP client
	 * @param sink where to send, or {@code null} to send nothing
	 * @param json writes the events' data
	 */
	public ReminderSender(WebClient client, URI sink, JsonBodies json) {
		this.client = client;
		this.sink = sink;
		this.json = json;
	}

	/**
	 * Sends the reminders.
	 * @param reminders what to send
	 * @return how many the sink took
	 */
	public Mono<Integer> send(List<DueReminder> reminders) {
		if (this.sink == null || reminders.isEmpty()) {
			return Mono.just(0);
		}
		return Flux.fromIterable(reminders)
			.flatMap((reminder) -> send(event(reminder)), CONCURRENCY)
			.filter(Boolean::booleanValue)
			.count()
			.map(Long::intValue);
	}

	private Mono<Boolean> send(CloudEvent event) {
		return this.client.post()
			.uri(this.sink)
			.headers((headers) -> headers.addAll(CloudEventHttpUtils.toHttp(event)))
			.bodyValue(event.getData().toBytes())
			.retrieve()
			.toBodilessEntity()
			.timeout(TIMEOUT)
			.thenReturn(true)
			.onErrorResume((ex) -> {
				logger.warn("Could not send {} {} to K_SINK: {}", event.getType(), event.getSubject(), ex.getMessage());
				return Mono.just(false);
			});
	}

	private CloudEvent event(DueReminder due) {
		CloudEventBuilder event = CloudEventBuilder.v1()
			// the reminder's own id: a consumer can tell a resent event from a new one
			.withId("reminder-" + due.reminder().id())
			.withSource(SOURCE)
			.withType(ReminderEvent.DUE.type())
			.withTime(OffsetDateTime.now(ZoneOffset.UTC))
			.withDataContentType(MediaType.APPLICATION_JSON_VALUE)
			.withData(this.json.write(due.reminder()))
			.withExtension("userid", Long.toString(due.userId()));
		if (due.reminder().taskId() != null) {
			event.withSubject(due.reminder().taskId().toString());
		}
		return event.build();
	}

}
