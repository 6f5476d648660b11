package dev.todobot.todo.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.RequestedChanges;
import dev.todobot.core.task.TaskChanges;
import dev.todobot.core.web.JsonBodies;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code updateTask}: the id and the fields to change.
 * {@code "dueDate": null} removes the due date (and so do null {@code dueTime},
 * {@code remindAt}, {@code remindBeforeMinutes} and {@code recurrence}); a missing field
 * stays as it is.
 *
 * @param version the task's version the change is based on; when the task has changed
 * since, nothing is changed (409). Without it the change applies whatever the version.
 */
public record UpdateTaskRequest(Long id, String title, String description, LocalDate dueDate, LocalTime dueTime,
		Instant remindAt, Integer remindBeforeMinutes, String recurrence, Priority priority, List<String> tags,
		Boolean completed, Long version) implements RequestedChanges {

	private static final Spelling SPELLING = new Spelling("body", "field", false);

	public UpdateTaskRequest {
		if (id == null) {
			throw new InvalidInputException("id", "id is required");
		}
	}

	/**
	 * Reads the body.
	 * @param json the reader
	 * @param body the body
	 * @return the task and its checked changes
	 */
	static Update read(JsonBodies json, JsonNode body) {
		UpdateTaskRequest request = json.convert(body, UpdateTaskRequest.class);
		return new Update(request.id(), TaskChanges.requested(request, body, SPELLING), request.version());
	}

	/** A checked update. */
	record Update(long id, TaskChanges changes, Long version) {
	}

}
