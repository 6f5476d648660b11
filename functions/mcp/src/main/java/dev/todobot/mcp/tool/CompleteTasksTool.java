package dev.todobot.mcp.tool;

import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.TaskResults;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code complete_tasks}: marks several of the caller's tasks as done, each on its own.
 */
final class CompleteTasksTool implements TodoTool {

	private final Announcements announcements;

	CompleteTasksTool(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.COMPLETE_TASKS, "Complete several tasks",
				"Marks several of the user's tasks as done at once, such as \"I did all my shopping\": give their ids "
						+ "(find them with list_tasks first). Each id is completed on its own; the result says for "
						+ "each whether it was, so one unknown id does not stop the others.",
				ToolContract.COMPLETE_TASKS_INPUT, TaskResults.SCHEMA, ToolEffect.CHANGES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		return tasks.completeAll(user.id(), arguments.as(TaskIdsArguments.class).ids())
			.doOnNext((outcomes) -> this.announcements.each(TaskEvent.COMPLETED, user.id(), outcomes))
			.map(TaskResults::completed)
			.map((results) -> ToolResults.success("Completed tasks:\n" + results.text("completed"), results));
	}

}
