package dev.todobot.mcp.tool;

import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * One MCP tool over the task service. A tool only translates: its arguments into a domain
 * call, the result into a tool result. Every rule lives in the service.
 */
interface TodoTool {

	/**
	 * The tool as {@code tools/list} shows it.
	 * @return name, texts, input and output schema, effect
	 */
	ToolDefinition definition();

	/**
	 * Runs the tool for a user.
	 * @param tasks the service to delegate to
	 * @param user the caller, from the bearer token
	 * @param arguments the arguments, already checked against the input schema
	 * @return the result; fails with a {@link dev.todobot.core.error.DomainException}
	 * when the service refuses
	 */
	Mono<McpSchema.CallToolResult> call(TaskService tasks, AuthenticatedUser user, ToolArguments arguments);

}
