package dev.todobot.mcp.tool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.tool.ToolTask;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code add_task}: adds a task for the caller.
 */
final class AddTaskTool implements TodoTool {

	private final Announcements announcements;

	AddTaskTool(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.ADD_TASK, "Add a task",
				"Adds a task to the user's todo list, for anything the user wants to do, buy or remember. "
						+ "Give a short title and put details in description. Returns the new task with its id.",
				ToolContract.ADD_TASK_INPUT, ToolTask.SCHEMA, ToolEffect.ADDS);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		NewTask task = arguments.as(Arguments.class).task();
		return tasks.add(user.id(), task)
			.doOnNext((added) -> this.announcements.changed(TaskEvent.ADDED, user.id(), added))
			.map((added) -> ToolResults.task("Added task", added));
	}

	record Arguments(String title, String description, @JsonProperty(ToolContract.DUE_DATE) LocalDate dueDate,
			Priority priority, List<String> tags, @JsonProperty(ToolContract.DUE_TIME) LocalTime dueTime,
			@JsonProperty(ToolContract.REMIND_AT) Instant remindAt,
			@JsonProperty(ToolContract.REMIND_BEFORE_MINUTES) Integer remindBeforeMinutes, String recurrence) {

		NewTask task() {
			return new NewTask(this.title, this.description, this.dueDate, this.priority, this.tags, this.dueTime,
					this.remindAt, this.remindBeforeMinutes, this.recurrence);
		}

	}

}
