package dev.todobot.mcp.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.tool.ToolTask;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code complete_task}: marks one of the caller's tasks as done.
 */
final class CompleteTaskTool implements TodoTool {

	private final Announcements announcements;

	CompleteTaskTool(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.COMPLETE_TASK, "Complete a task",
				"Marks one of the user's tasks as done. Needs the task's id: when you only know its title, "
						+ "find the id with list_tasks (query) first. Completing a done task changes nothing.",
				ToolContract.COMPLETE_TASK_INPUT, ToolTask.SCHEMA, ToolEffect.CHANGES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		Arguments complete = arguments.as(Arguments.class);
		return tasks.complete(user.id(), complete.taskId(), complete.version())
			.doOnNext((done) -> this.announcements.changed(TaskEvent.COMPLETED, user.id(), done))
			.map((done) -> ToolResults.task("Completed task", done));
	}

	record Arguments(@JsonProperty(ToolContract.TASK_ID) Long taskId, Long version) {

		Arguments {
			if (taskId == null) {
				throw new InvalidInputException("task_id", "task_id is required");
			}
		}

	}

}
