package dev.todobot.mcp.tool;

import java.util.List;
import java.util.Map;

import dev.todobot.core.error.DomainException;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.mcp.protocol.CallerContext;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The todo tools: {@code add_task}, {@code list_tasks}, {@code complete_task},
 * {@code delete_task} and {@code update_task}, each for the user of the bearer token.
 * <p>
 * As MCP asks, a call the service refuses (a bad argument, a task the caller does not
 * own, a database that is away) is a tool result with {@code isError} and a message the
 * model can act on, not a protocol error; a failure of our own says only that nothing was
 * changed.
 */
public class TodoTools {

	private static final Logger logger = LoggerFactory.getLogger(TodoTools.class);

	private final JsonBodies json;

	private final List<TodoTool> tools;

	/**
	 * @param tasks the task service every tool delegates to
	 * @param json reads the arguments, as strictly as the todo function reads bodies
	 * @param schemas reads the tools' JSON schemas
	 */
	public TodoTools(TaskService tasks, JsonBodies json, McpJsonMapper schemas) {
		this.json = json;
		this.tools = List.of(new AddTaskTool(tasks, json, schemas), new ListTasksTool(tasks, json, schemas),
				new CompleteTaskTool(tasks, json, schemas), new DeleteTaskTool(tasks, json, schemas),
				new UpdateTaskTool(tasks, json, schemas));
	}

	/**
	 * The tools as the SDK's server takes them.
	 * @return one specification per tool
	 */
	public List<AsyncToolSpecification> specifications() {
		return this.tools.stream().map(this::specification).toList();
	}

	private AsyncToolSpecification specification(TodoTool tool) {
		return AsyncToolSpecification.builder()
			.tool(tool.definition())
			.callHandler((context, request) -> call(tool, context, request))
			.build();
	}

	private Mono<CallToolResult> call(TodoTool tool, McpTransportContext context, McpSchema.CallToolRequest request) {
		return Mono.defer(() -> {
			Map<String, Object> arguments = (request.arguments() != null) ? request.arguments() : Map.of();
			return tool.call(CallerContext.user(context), this.json.mapper().valueToTree(arguments));
		}).onErrorResume((error) -> Mono.just(failure(tool, error)));
	}

	private static CallToolResult failure(TodoTool tool, Throwable error) {
		return switch (error) {
			case NotFoundException notFound -> ToolResults
				.failure(notFound.getMessage() + " among your tasks; list_tasks shows the ids of your tasks.");
			case DomainException refused -> ToolResults.failure(refused.getMessage());
			default -> {
				logger.error("Tool {} failed", tool.definition().name(), error);
				yield ToolResults.failure("Something went wrong on our side; nothing was changed. Try again.");
			}
		};
	}

}
