package dev.todobot.core.tool;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.todobot.core.task.TaskOutcome;

/**
 * The structured result of {@code complete_tasks} and {@code delete_tasks}: a result per
 * id, in the order given.
 *
 * @param results one per id
 */
public record TaskResults(List<Result> results) {

	/** The JSON schema of the results, the output schema of both tools. */
	public static final String SCHEMA = """
			{
			  "type": "object",
			  "properties": {
			    "results": {
			      "type": "array",
			      "items": {
			        "type": "object",
			        "properties": {
			          "id": { "type": "integer", "description": "The task id as given" },
			          "ok": { "type": "boolean", "description": "Whether this task was changed" },
			          "task": %s,
			          "deleted": { "type": "boolean", "description": "true when the task was deleted" },
			          "error": { "type": "string", "description": "Why this task was not changed" }
			        },
			        "required": ["id", "ok"]
			      }
			    }
			  },
			  "required": ["results"]
			}
			""".formatted(ToolTask.SCHEMA);

	public static TaskResults completed(List<TaskOutcome> outcomes) {
		return new TaskResults(outcomes.stream()
			.map((outcome) -> outcome.ok() ? new Result(outcome.id(), true, ToolTask.of(outcome.task()), null, null)
					: refused(outcome))
			.toList());
	}

	public static TaskResults deleted(List<TaskOutcome> outcomes) {
		return new TaskResults(outcomes.stream()
			.map((outcome) -> outcome.ok() ? new Result(outcome.id(), true, null, true, null) : refused(outcome))
			.toList());
	}

	private static Result refused(TaskOutcome outcome) {
		return new Result(outcome.id(), false, null, null, outcome.refused().getMessage());
	}

	/**
	 * The results for people and models, one line per id.
	 * @param done what happened to a changed task, such as {@code completed}
	 * @return the text
	 */
	public String text(String done) {
		return this.results.stream()
			.map((result) -> result.ok()
					? "- " + result.id() + ": " + done
							+ ((result.task() != null) ? " (" + result.task().summary() + ")" : "")
					: "- " + result.id() + ": not changed, " + result.error())
			.collect(Collectors.joining("\n"));
	}

	/**
	 * One task's result.
	 *
	 * @param task the completed task
	 * @param deleted {@code true} for a deleted task
	 * @param error why the task was not changed
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Result(long id, boolean ok, ToolTask task, Boolean deleted, String error) {

	}

}
