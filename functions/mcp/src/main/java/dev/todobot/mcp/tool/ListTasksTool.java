package dev.todobot.mcp.tool;

import dev.todobot.core.task.Priority;
import dev.todobot.core.task.TaskQuery;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.tool.TaskList;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@code list_tasks}: the caller's tasks, newest first, filtered.
 */
final class ListTasksTool implements TodoTool {

	@Override
	public ToolDefinition definition() {
		return new ToolDefinition(ToolContract.LIST_TASKS, "List tasks",
				"Lists the user's tasks, newest first. Use it to answer questions about the todo list, "
						+ "and to find a task's id by its title (query) before completing, updating or deleting it. "
						+ "Filters combine; with none, all tasks are listed.",
				ToolContract.LIST_TASKS_INPUT, TaskList.SCHEMA, ToolEffect.READS);
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments) {
		TaskQuery query = arguments.as(Arguments.class).taskQuery();
		return tasks.list(user.id(), user.zone(), query)
			.map(TaskList::of)
			.map((list) -> ToolResults.success(list.text(), list));
	}

	record Arguments(TaskQuery.Status status, Priority priority, String tag, String query, TaskQuery.Due due,
			Integer limit) {

		TaskQuery taskQuery() {
			return new TaskQuery(this.status, this.priority, this.tag, this.query, this.due, null, this.limit, null);
		}

	}

}
