package dev.todobot.mcp.tool;

import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import dev.todobot.core.web.JsonBodies;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code complete_task}: marks one of the caller's tasks as done.
 */
final class CompleteTaskTool implements TodoTool {

	static final String NAME = "complete_task";

	private final TaskService tasks;

	private final JsonBodies json;

	private final McpSchema.Tool definition;

	CompleteTaskTool(TaskService tasks, JsonBodies json, McpJsonMapper schemas) {
		this.tasks = tasks;
		this.json = json;
		this.definition = McpSchema.Tool.builder()
			.name(NAME)
			.title("Complete a task")
			.description("Marks one of the user's tasks as done. Needs the task's id: when you only know its title, "
					+ "find the id with list_tasks (query) first. Completing a done task changes nothing.")
			.inputSchema(schemas, TaskIdArguments.SCHEMA)
			.outputSchema(schemas, ToolTask.SCHEMA)
			.annotations(McpSchema.ToolAnnotations.builder()
				.title("Complete a task")
				.readOnlyHint(false)
				.destructiveHint(false)
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
		return this.tasks.complete(user.id(), id)
			.map(ToolTask::of)
			.map((done) -> ToolResults.success("Completed task " + done.summary(), done));
	}

}
