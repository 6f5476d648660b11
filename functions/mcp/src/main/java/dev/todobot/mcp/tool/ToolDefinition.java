package dev.todobot.mcp.tool;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * What {@code tools/list} shows of a tool. None of the tools reaches beyond the caller's
 * todo list, so none is open-world.
 *
 * @param name the name a client calls it by
 * @param title the title for people, also the annotations' title
 * @param description what it does and when to use it, for the model
 * @param inputSchema the JSON schema of its arguments
 * @param outputSchema the JSON schema of its structured result
 * @param effect what a call does to the todo list, as the annotations' hints tell it
 */
record ToolDefinition(String name, String title, String description, String inputSchema, String outputSchema,
		ToolEffect effect) {

	McpSchema.Tool tool(McpJsonMapper schemas) {
		return McpSchema.Tool.builder()
			.name(this.name)
			.title(this.title)
			.description(this.description)
			.inputSchema(schemas, this.inputSchema)
			.outputSchema(schemas, this.outputSchema)
			.annotations(McpSchema.ToolAnnotations.builder()
				.title(this.title)
				.readOnlyHint(this.effect.readOnly())
				.destructiveHint(this.effect.destructive())
				.idempotentHint(this.effect.idempotent())
				.openWorldHint(false)
				.build())
			.build();
	}

}
