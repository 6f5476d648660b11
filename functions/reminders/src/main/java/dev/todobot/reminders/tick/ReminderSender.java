package dev.todobot.reminders.tick;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.ReminderEvent;
import dev.todobot.core.reminder.DueReminder;
import dev.todobot.core.web.JsonBodies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;

/**
 * Sends each claimed reminder as a {@code todo.reminder.due} CloudEvent (binary mode) to
 * {@code K_SINK}, the Broker. The reminder is already in its owner's list when it is
 * sent: an event the sink does not take is logged, and the reminder stays listed.
 */
public class ReminderSender {

	private static final URI SOURCE = URI.create(ReminderEvent.SOURCE);

	/**
	 * Events in flight at once: a backlog of reminders does not open a connection each.
	 */
	private static final int CONCURRENCY = 8;

	private final CloudEventSender sender;

	private final JsonBodies json;

	/**
	 * @param sender sends to {@code K_SINK}, or nothing without it
	 * @param json writes the events' data
	 */
	public ReminderSender(CloudEventSender sender, JsonBodies json) {
		this.sender = sender;
		this.json = json;
	}

	/**
	 * Sends the reminders.
	 * @param reminders what to send
	 * @return how many the sink took
	 */
	public Mono<Integer> send(List<DueReminder> reminders) {
		if (!this.sender.sends() || reminders.isEmpty()) {
			return Mono.just(0);
		}
		return Flux.fromIterable(reminders)
			.flatMap((reminder) -> this.sender.send(event(reminder)), CONCURRENCY)
			.filter(Boolean::booleanValue)
			.count()
			.map(Long::intValue);
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
