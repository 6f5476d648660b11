package dev.todobot.mcp.tool;

import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.tool.ToolTask;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code delete_task}: deletes one of the caller's tasks and returns it as it was.
 */
final class DeleteTaskTool implements TodoTool {

	private final Announcements announcements;

	DeleteTaskTool(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.DELETE_TASK, "Delete a task",
				"Deletes one of the user's tasks for good and returns it as it was. Needs the task's id: "
						+ "when you only know its title, find the id with list_tasks (query) first. "
						+ "When the user has done a task, use complete_task instead.",
				ToolContract.DELETE_TASK_INPUT, ToolTask.SCHEMA, ToolEffect.OVERWRITES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		long id = arguments.as(TaskIdArguments.class).taskId();
		return tasks.delete(user.id(), id)
			.doOnNext((deleted) -> this.announcements.deleted(user.id(), deleted.id()))
			.map((deleted) -> ToolResults.task("Deleted task", deleted));
	}

}
