package dev.todobot.mcp.tool;

import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code complete_task}: marks one of the caller's tasks as done.
 */
final class CompleteTaskTool implements TodoTool {

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition("complete_task", "Complete a task",
				"Marks one of the user's tasks as done. Needs the task's id: when you only know its title, "
						+ "find the id with list_tasks (query) first. Completing a done task changes nothing.",
				TaskIdArguments.SCHEMA, ToolTask.SCHEMA, ToolEffect.CHANGES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		long id = arguments.as(TaskIdArguments.class).taskId();
		return tasks.complete(user.id(), id).map((done) -> ToolResults.task("Completed task", done));
	}

}
