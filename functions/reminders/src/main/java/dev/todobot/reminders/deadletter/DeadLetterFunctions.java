package dev.todobot.reminders.deadletter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.todobot.core.db.Database;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.reminders.event.IncomingEvent;
import dev.todobot.reminders.event.JsonAnswer;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /deadLetter}: every Trigger's dead-letter sink. Takes an event of any type
 * and keeps it whole. {@code GET /deadLetters} lists them for an operator: the Knative
 * Service is cluster-local, so only the cluster's network reaches it.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterFunctions {

	@Bean
	DeadLetters deadLetterStore(Database database) {
		return new DeadLetters(database);
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> deadLetter(DeadLetters deadLetters, JsonBodies json) {
		return (message) -> Mono.defer(() -> deadLetters.keep(IncomingEvent.of(message)))
			.map((id) -> JsonAnswer.of(json.write(Map.of("id", id))));
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
