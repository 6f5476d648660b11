package dev.todobot.reminders.recurrence;

import java.util.function.Function;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.task.NextOccurrence;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.reminders.event.IncomingEvent;
import dev.todobot.reminders.event.JsonAnswer;
import io.cloudevents.CloudEvent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code POST /taskCompleted}: a task was marked done; when it repeats, its next
 * occurrence is added, once however often the event is delivered. An event handled before
 * is skipped ({@link ProcessedEvents}); and as a task is followed at most once (the
 * unique {@code previous_task_id}), neither a redelivery that comes while the first is
 * still running, nor a second completion of the same task, adds another.
 */
@Configuration(proxyBeanMethods = false)
class TaskCompletedFunction {

	@Bean
	ProcessedEvents processedEvents(Database database) {
		return new ProcessedEvents(database);
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> taskCompleted(TaskService tasks, ProcessedEvents processed,
			JsonBodies json) {
		return (message) -> Mono.defer(() -> {
			CloudEvent event = IncomingEvent.of(message, TaskEvent.COMPLETED.type());
			long taskId = taskId(event, json);
			return processed.contains(event).flatMap((seen) -> {
				if (seen) {
					return Mono.just(new Outcome(taskId, true, null));
				}
				// the occurrence first, then the event's record: a failure between the
				// two
				// leaves a redelivery to find the occurrence there, and add nothing
				return tasks.addNextOccurrence(taskId)
					.map(NextOccurrence::task)
					.map((next) -> new Outcome(taskId, false, next.id()))
					.defaultIfEmpty(new Outcome(taskId, false, null))
					.flatMap((outcome) -> processed.add(event).thenReturn(outcome));
			}).map((outcome) -> JsonAnswer.of(json.write(outcome)));
		});
	}

	/**
	 * The completed task's id, from the event's data: the task as it is now.
	 */
	private static long taskId(CloudEvent event, JsonBodies json) {
		JsonNode data = json.readTree((event.getData() != null) ? event.getData().toBytes() : new byte[0]);
		JsonNode id = data.path("id");
		if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
			throw new InvalidInputException("data.id", "The event's data must be the completed task, with its id");
		}
		return id.asLong();
	}

	/**
	 * What the event led to.
	 *
	 * @param taskId the completed task
	 * @param duplicate whether the event was handled before, and so skipped
	 * @param nextTaskId the occurrence added, or {@code null} when none was (the task
	 * does not repeat, its rule has ended, or it is followed already)
	 */
	record Outcome(long taskId, boolean duplicate, Long nextTaskId) {

	}

}
