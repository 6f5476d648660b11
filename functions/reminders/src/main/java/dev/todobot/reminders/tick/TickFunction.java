package dev.todobot.reminders.tick;

import java.util.function.Function;

import dev.todobot.core.reminder.DueReminders;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.reminders.event.IncomingEvent;
import dev.todobot.reminders.event.JsonAnswer;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /tick}: the PingSource's tick, every minute. Claims the reminders now due,
 * a batch per transaction, and sends each as a {@code todo.reminder.due} event. Two ticks
 * at once (a slow one and the next, or two replicas) never claim one reminder twice.
 */
@Configuration(proxyBeanMethods = false)
class TickFunction {

	/** PingSource's event type. */
	static final String PING = "dev.knative.sources.ping";

	/** Reminders claimed per transaction, and so held locked at once. */
	static final int BATCH = 100;

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> tick(DueReminders reminders, ReminderSender sender,
			JsonBodies json) {
		return (message) -> Mono.defer(() -> {
			IncomingEvent.of(message, PING);
			return claimAndSend(reminders, sender, new Tick(0, 0)).map((tick) -> JsonAnswer.of(json.write(tick)));
		});
	}

	/**
	 * Claims and sends a batch, then the next one while batches come full.
	 */
	private static Mono<Tick> claimAndSend(DueReminders reminders, ReminderSender sender, Tick sofar) {
		return reminders.claim(BATCH).flatMap((claimed) -> sender.send(claimed).map((sent) -> {
			Tick tick = new Tick(sofar.claimed() + claimed.size(), sofar.sent() + sent);
			return new Batch(tick, claimed.size() == BATCH);
		})).flatMap((batch) -> batch.full() ? claimAndSend(reminders, sender, batch.tick()) : Mono.just(batch.tick()));
	}

	/**
	 * What a tick did.
	 *
	 * @param claimed reminders that came due, now in their owners' lists
	 * @param sent of those, the events the sink took
	 */
	record Tick(int claimed, int sent) {

	}

	private record Batch(Tick tick, boolean full) {

	}

}
