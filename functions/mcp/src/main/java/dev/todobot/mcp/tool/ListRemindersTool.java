package dev.todobot.mcp.tool;

import dev.todobot.core.reminder.ReminderService;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.tool.ToolReminders;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code list_reminders}: the caller's reminders that came due and are not dismissed.
 */
final class ListRemindersTool implements TodoTool {

	private final ReminderService reminders;

	ListRemindersTool(ReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.LIST_REMINDERS, "List reminders",
				"Lists the user's reminders that came due and are not dismissed yet, newest first: tell the user "
						+ "about them (\"you have 2 reminders\"). Each names the task it reminds of by task_id.",
				ToolContract.LIST_REMINDERS_INPUT, ToolReminders.SCHEMA, ToolEffect.READS);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		arguments.as(NoArguments.class);
		return this.reminders.list(user.id())
			.map(ToolReminders::of)
			.map((list) -> ToolResults.success(list.text(), list));
	}

	/** list_reminders takes none. */
	record NoArguments() {
	}

}
