package dev.todobot.reminders.deadletter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.todobot.core.db.Database;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.reminders.event.IncomingEvent;
import dev.todobot.reminders.event.JsonAnswer;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /deadLetter}: every Trigger's dead-letter sink. Takes an event of any type
 * and keeps it whole; in a pod, also records it as a Kubernetes Warning Event
 * ({@link DeadLetterEvents}). {@code GET /deadLetters} lists them for an operator: the
 * Knative Service is cluster-local, so only the cluster's network reaches it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterApi.class)
class DeadLetterFunctions {

	@Bean
	DeadLetters deadLetterStore(Database database) {
		return new DeadLetters(database);
	}

	@Bean
	DeadLetterEvents deadLetterEvents(ClusterApi api, JsonBodies json) {
		return new DeadLetterEvents(api, json);
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> deadLetter(DeadLetters deadLetters, DeadLetterEvents events,
			JsonBodies json) {
		return (message) -> Mono.defer(() -> {
			CloudEvent event = IncomingEvent.of(message);
			// recorded once the row is kept, so that every event has its dead letter to
			// replay
			return deadLetters.keep(event).doOnNext((id) -> events.record(event, DeadLetters.errorCode(event)));
		}).map((id) -> JsonAnswer.of(json.write(Map.of("id", id))));
	}

	@Bean
	Supplier<Mono<Message<byte[]>>> deadLetters(DeadLetters deadLetters, JsonBodies json) {
		return () -> deadLetters.latest().map((items) -> JsonAnswer.of(json.write(new Listing(items))));
	}

	/**
	 * The listing.
	 *
	 * @param items the dead letters, newest first
	 */
	record Listing(List<DeadLetter> items) {

	}

}
