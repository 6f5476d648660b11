package dev.todobot.reminders.recurrence;

import java.net.URI;

import dev.todobot.core.db.Database;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

/**
 * The events this function has handled, by {@code source} and {@code id}, which identify
 * an event (CloudEvents 1.0): the Broker delivers at least once, and a redelivered event
 * is skipped.
 */
public class ProcessedEvents {

	static final String CONSUMER = "reminders";

	private final Database database;

	public ProcessedEvents(Database database) {
		this.database = database;
	}

	/**
	 * Whether the event was handled before.
	 * @param event the event
	 * @return {@code true} when it was
	 */
	public Mono<Boolean> contains(CloudEvent event) {
		return this.database.read((session) -> session
			.createNativeQuery("select count(*) from processed_events"
					+ " where consumer = :consumer and event_source = :source and event_id = :id")
			.setParameter("consumer", CONSUMER)
			.setParameter("source", source(event.getSource()))
			.setParameter("id", event.getId())
			.getSingleResult()).map((count) -> ((Number) count).longValue() > 0);
	}

	/**
	 * Records that the event was handled; recording it twice is harmless.
	 * @param event the event
	 * @return completes when recorded
	 */
	public Mono<Void> add(CloudEvent event) {
		return this.database.transaction((session) -> session
			.createNativeQuery("insert into processed_events (consumer, event_source, event_id)"
					+ " values (:consumer, :source, :id) on conflict do nothing")
			.setParameter("consumer", CONSUMER)
			.setParameter("source", source(event.getSource()))
			.setParameter("id", event.getId())
			.executeUpdate()).then();
	}

	private static String source(URI source) {
		return source.toString();
	}

}
