package dev.todobot.todo.task;

import dev.todobot.core.error.InvalidInputException;

/**
 * The body of {@code completeTask}.
 *
 * @param version the task's version the client saw, or {@code null}: as in
 * {@link UpdateTaskRequest}
 */
public record CompleteTaskRequest(Long id, Long version) {

	public CompleteTaskRequest {
		if (id == null) {
			throw new InvalidInputException("id", "id is required");
		}
	}

}
