package dev.todobot.todo.task;

import dev.todobot.core.error.InvalidInputException;

/**
 * The body of {@code getTask} and {@code deleteTask}.
 */
public record TaskIdRequest(Long id) {

	public TaskIdRequest {
		if (id == null) {
			throw new InvalidInputException("id", "id is required");
		}
	}

}
