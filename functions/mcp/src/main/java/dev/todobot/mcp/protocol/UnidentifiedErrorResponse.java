package dev.todobot.mcp.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;

/**
 * A JSON-RPC error response to a message whose id could not be read, which JSON-RPC 2.0
 * answers with {@code "id": null}. The SDK's {@code JSONRPCResponse} refuses a null id,
 * so this is the one wire type written here.
 *
 * @param jsonrpc always {@code 2.0}
 * @param id always {@code null}
 * @param error what was wrong
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record UnidentifiedErrorResponse(String jsonrpc, Object id, JSONRPCError error) {

}
