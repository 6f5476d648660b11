package dev.todobot.core.event;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.todobot.core.task.TaskView;
import dev.todobot.core.web.JsonBodies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import org.springframework.http.MediaType;

/**
 * Builds the {@link TaskEvent}s a function announces, so that todo and mcp announce the
 * same change alike: {@code subject} the task's id, the extension {@code userid} the
 * owner's id, {@code data} the task as the REST answer shows it (for a delete
 * {@code {"id":…,"deleted":true}}), and a {@code source} naming the function.
 */
public class TaskEvents {

	private final URI source;

	private final JsonBodies json;

	/**
	 * @param source the announcing function, such as {@code /todo} or {@code /mcp}
	 * @param json writes the data as the REST answers do
	 */
	public TaskEvents(URI source, JsonBodies json) {
		this.source = source;
		this.json = json;
	}

	/**
	 * A task was added, changed or completed.
	 * @param type {@link TaskEvent#ADDED}, {@link TaskEvent#UPDATED} or
	 * {@link TaskEvent#COMPLETED}
	 * @param userId the owner
	 * @param task the task as it is now
	 * @return the event
	 */
	public CloudEvent changed(TaskEvent type, long userId, TaskView task) {
		return of(type, userId, task.id(), this.json.write(task));
	}

	/**
	 * A task was deleted.
	 * @param userId the owner
	 * @param taskId the task that is gone
	 * @return the event
	 */
	public CloudEvent deleted(long userId, long taskId) {
		return of(TaskEvent.DELETED, userId, taskId,
				this.json.write(this.json.mapper().createObjectNode().put("id", taskId).put("deleted", true)));
	}

	/**
	 * An event whose data is JSON written already, such as a REST answer.
	 * @param type the change
	 * @param userId the owner
	 * @param taskId the task changed
	 * @param data the task, or for a delete its id, as JSON
	 * @return the event
	 */
	public CloudEvent of(TaskEvent type, long userId, long taskId, byte[] data) {
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(this.source)
			.withType(type.type())
			.withTime(OffsetDateTime.now(ZoneOffset.UTC))
			.withDataContentType(MediaType.APPLICATION_JSON_VALUE)
			.withData(data)
			.withSubject(Long.toString(taskId))
			.withExtension("userid", Long.toString(userId))
			.build();
	}

}
