package dev.todobot.mcp.tool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.RequestedChanges;
import dev.todobot.core.task.TaskChanges;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.tool.ToolTask;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code update_task}: changes the given fields of one of the caller's tasks.
 */
final class UpdateTaskTool implements TodoTool {

	private static final RequestedChanges.Spelling SPELLING = new RequestedChanges.Spelling("arguments", "thing", true);

	private final Announcements announcements;

	UpdateTaskTool(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.UPDATE_TASK, "Update a task",
				"Changes one of the user's tasks: give its id and only the fields to change; the rest stay "
						+ "as they are. Use it to rename, reschedule, re-prioritise, re-tag or reopen a task. "
						+ "When you only know the title, find the id with list_tasks (query) first.",
				ToolContract.UPDATE_TASK_INPUT, ToolTask.SCHEMA, ToolEffect.OVERWRITES);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		Arguments update = arguments.as(Arguments.class);
		TaskChanges changes = TaskChanges.requested(update, arguments.tree(), SPELLING);
		return tasks.update(user.id(), update.taskId(), changes, update.version())
			.doOnNext((updated) -> this.announcements.updated(user.id(), updated))
			.map((updated) -> ToolResults.task("Updated task", updated));
	}

	record Arguments(@JsonProperty(ToolContract.TASK_ID) Long taskId, String title, String description,
			@JsonProperty(ToolContract.DUE_DATE) LocalDate dueDate,
			@JsonProperty(ToolContract.DUE_TIME) LocalTime dueTime,
			@JsonProperty(ToolContract.REMIND_AT) Instant remindAt,
			@JsonProperty(ToolContract.REMIND_BEFORE_MINUTES) Integer remindBeforeMinutes, String recurrence,
			Priority priority, List<String> tags, Boolean completed, Long version) implements RequestedChanges {

		Arguments {
			if (taskId == null) {
				throw new InvalidInputException("task_id", "task_id is required");
			}
		}

	}

}
