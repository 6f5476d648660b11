package dev.todobot.mcp.protocol;

import java.util.Map;

import dev.todobot.core.user.AuthenticatedUser;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Carries the user a request's bearer token stands for from the transport to the tools,
 * in the SDK's {@link McpTransportContext}. Tools take the user from here only, never
 * from their arguments.
 */
public final class CallerContext {

	private static final String USER = "todo.user";

	private CallerContext() {
	}

	/**
	 * The context of a request.
	 * @param user the verified caller
	 * @return the context
	 */
	public static McpTransportContext of(AuthenticatedUser user) {
		return McpTransportContext.create(Map.of(USER, user));
	}

	/**
	 * The caller of a request.
	 * @param context the request's context
	 * @return the verified caller
	 * @throws IllegalStateException when the context carries no user, which only a wiring
	 * mistake can cause
	 */
	public static AuthenticatedUser user(McpTransportContext context) {
		if (context.get(USER) instanceof AuthenticatedUser user) {
			return user;
		}
		throw new IllegalStateException("The MCP transport context carries no user");
	}

}
