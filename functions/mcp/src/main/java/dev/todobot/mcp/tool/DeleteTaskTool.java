package dev.todobot.mcp.tool;

import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import dev.todobot.core.web.JsonBodies;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code delete_task}: deletes one of the caller's tasks and returns it as it was.
 */
final class DeleteTaskTool implements TodoTool {

	static final String NAME = "delete_task";

	private final TaskService tasks;

	private final JsonBodies json;

	private final McpSchema.Tool definition;

	DeleteTaskTool(TaskService tasks, JsonBodies json, McpJsonMapper schemas) {
		this.tasks = tasks;
		this.json = json;
		this.definition = McpSchema.Tool.builder()
			.name(NAME)
			.title("Delete a task")
			.description("Deletes one of the user's tasks for good and returns it as it was. Needs the task's id: "
					+ "when you only know its title, find the id with list_tasks (query) first. "
					+ "When the user has done a task, use complete_task instead.")
			.inputSchema(schemas, TaskIdArguments.SCHEMA)
			.outputSchema(schemas, ToolTask.SCHEMA)
			.annotations(McpSchema.ToolAnnotations.builder()
				.title("Delete a task")
				.readOnlyHint(false)
				.destructiveHint(true)
				.idempotentHint(true)
				.openWorldHint(false)
				.build())
			.build();
	}

	@Override
	public McpSchema.Tool definition() {
		return this.definition;
	}

	@Override
	public Mono<McpSchema.CallToolResult> call(AuthenticatedUser user, JsonNode arguments) {
		long id = this.json.convert(arguments, TaskIdArguments.class).taskId();
		return this.tasks.delete(user.id(), id)
			.map(ToolTask::of)
			.map((deleted) -> ToolResults.success("Deleted task " + deleted.summary(), deleted));
	}

}
