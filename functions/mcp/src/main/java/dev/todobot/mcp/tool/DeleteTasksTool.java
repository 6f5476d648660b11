package dev.todobot.mcp.tool;

import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.TaskResults;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code delete_tasks}: deletes several of the caller's tasks for good, each on its own.
 */
final class DeleteTasksTool implements TodoTool {

	private final Announcements announcements;

	DeleteTasksTool(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.DELETE_TASKS, "Delete several tasks",
				"Deletes several of the user's tasks for good: give their ids (find them with list_tasks first). "
						+ "Only when the user asked to remove them; to mark tasks done use complete_tasks. Each id "
						+ "is deleted on its own; the result says for each whether it was.",
				ToolContract.DELETE_TASKS_INPUT, TaskResults.SCHEMA, ToolEffect.OVERWRITES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		return tasks.deleteAll(user.id(), arguments.as(TaskIdsArguments.class).ids())
			.doOnNext((outcomes) -> this.announcements.each(TaskEvent.DELETED, user.id(), outcomes))
			.map(TaskResults::deleted)
			.map((results) -> ToolResults.success("Deleted tasks:\n" + results.text("deleted"), results));
	}

}
