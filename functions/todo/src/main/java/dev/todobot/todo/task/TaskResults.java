package dev.todobot.todo.task;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.task.TaskOutcome;
import dev.todobot.core.task.TaskView;

/**
 * The answer of {@code completeTasks} and {@code deleteTasks}: a result per id, in the
 * order sent.
 */
public record TaskResults(List<Result> results) {

	static TaskResults completed(List<TaskOutcome> outcomes) {
		return new TaskResults(outcomes.stream()
			.map((outcome) -> outcome.ok() ? new Result(outcome.id(), true, outcome.task(), null, null, null)
					: refused(outcome))
			.toList());
	}

	static TaskResults deleted(List<TaskOutcome> outcomes) {
		return new TaskResults(outcomes.stream()
			.map((outcome) -> outcome.ok() ? new Result(outcome.id(), true, null, true, null, null) : refused(outcome))
			.toList());
	}

	private static Result refused(TaskOutcome outcome) {
		// the service reports a task that is not the caller's as not found, and nothing
		// else
		int status = (outcome.refused() instanceof NotFoundException) ? 404 : 400;
		return new Result(outcome.id(), false, null, null, status, outcome.refused().getMessage());
	}

	/**
	 * One task's result: {@code {id, ok: true, task}} for a completed one, {@code {id,
	 * ok: true, deleted: true}} for a deleted one, {@code {id, ok: false, status,
	 * detail}} for one left as it was.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Result(long id, boolean ok, TaskView task, Boolean deleted, Integer status, String detail) {

	}

}
