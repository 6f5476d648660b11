package dev.todobot.mcp.config;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.EventSinkConfiguration;
import dev.todobot.core.event.TaskEvents;
import dev.todobot.core.reminder.ReminderService;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.mcp.protocol.FunctionServerTransport;
import dev.todobot.mcp.protocol.McpFunction;
import dev.todobot.mcp.protocol.McpHttpFilter;
import dev.todobot.mcp.tool.TodoTools;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

/**
 * Wires the MCP server: the SDK's stateless server with the todo tools, built on a
 * transport that the {@code mcp} function feeds.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventSinkConfiguration.class)
class McpConfiguration {

	private static final String INSTRUCTIONS = """
			Manages the signed-in user's todo list. Tasks have a number id, a title, an optional description, \
			an optional due date (YYYY-MM-DD, days in UTC), a priority (low, medium or high) and up to 10 tags. \
			To act on a task the user names by its title, find its id with list_tasks first.""";

	@Bean
	McpJsonMapper mcpJsonMapper() {
		// the SDK's own Jackson 3 mapper, with the settings its wire types expect
		return McpJsonDefaults.getMapper();
	}

	@Bean
	TodoTools todoTools(TaskService tasks, ReminderService reminders, JsonBodies json, McpJsonMapper mcpJsonMapper,
			CloudEventSender sender) {
		return new TodoTools(tasks, reminders, json, mcpJsonMapper, sender, new TaskEvents(URI.create("/mcp"), json));
	}

	@Bean
	FunctionServerTransport mcpTransport(McpJsonMapper mcpJsonMapper, TodoTools tools,
			@Value("${spring.application.name}") String name) {
		FunctionServerTransport transport = new FunctionServerTransport();
		// the server registers its handler with the transport, which keeps it
		McpServer.async(transport)
			.serverInfo(new McpSchema.Implementation(name, "Todo Chatbot tasks", version()))
			.instructions(INSTRUCTIONS)
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.jsonMapper(mcpJsonMapper)
			.tools(tools.specifications())
			.build();
		return transport;
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> mcp(TokenService tokens, McpJsonMapper mcpJsonMapper,
			FunctionServerTransport mcpTransport) {
		return new McpFunction(tokens, mcpJsonMapper, mcpTransport);
	}

	@Bean
	McpHttpFilter mcpHttpFilter(@Value("${mcp.allowed-origins}") List<String> allowedOrigins) {
		return new McpHttpFilter("/mcp",
				DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins).build());
	}

	private static String version() {
		String version = McpConfiguration.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
