package dev.todobot.mcp.tool;

import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One MCP tool over the task service. A tool only translates: its arguments into a domain
 * call, the result into a tool result. Every rule lives in the service.
 */
interface TodoTool {

	/**
	 * The tool as {@code tools/list} shows it.
	 * @return name, description, input and output schema, annotations
	 */
	McpSchema.Tool definition();

	/**
	 * Runs the tool for a user.
	 * @param user the caller, from the bearer token
	 * @param arguments the arguments, already checked against the input schema
	 * @return the result; fails with a {@link dev.todobot.core.error.DomainException}
	 * when the service refuses
	 */
	Mono<McpSchema.CallToolResult> call(AuthenticatedUser user, JsonNode arguments);

}
