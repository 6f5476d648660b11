package dev.todobot.mcp.tool;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.todobot.core.error.DomainException;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.error.StaleVersionException;
import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.TaskEvents;
import dev.todobot.core.reminder.ReminderService;
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
 * {@code delete_task}, {@code update_task}, {@code complete_tasks}, {@code delete_tasks}
 * and {@code list_reminders}, each for the user of the bearer token. Every change is
 * announced to {@code K_SINK} as the todo function announces it.
 * <p>
 * As MCP asks, a call the service refuses (a bad argument, a task the caller does not
 * own, a database that is away) is a tool result with {@code isError} and a message the
 * model can act on, not a protocol error; a failure of our own says only that nothing was
 * changed.
 */
public class TodoTools {

	private static final Logger logger = LoggerFactory.getLogger(TodoTools.class);

	private final TaskService tasks;

	private final JsonBodies json;

	private final List<AsyncToolSpecification> specifications;

	/**
	 * @param tasks the task service every tool delegates to
	 * @param reminders the reminders list_reminders reads
	 * @param json reads the arguments, as strictly as the todo function reads bodies
	 * @param schemas reads the tools' JSON schemas
	 * @param sender sends the announcements of changes
	 * @param events builds them
	 */
	public TodoTools(TaskService tasks, ReminderService reminders, JsonBodies json, McpJsonMapper schemas,
			CloudEventSender sender, TaskEvents events) {
		this.tasks = tasks;
		this.json = json;
		Announcements announcements = new Announcements(sender, events);
		this.specifications = Stream
			.of(new AddTaskTool(announcements), new ListTasksTool(), new CompleteTaskTool(announcements),
					new DeleteTaskTool(announcements), new UpdateTaskTool(announcements),
					new CompleteTasksTool(announcements), new DeleteTasksTool(announcements),
					new ListRemindersTool(reminders))
			.map((tool) -> specification(tool, schemas))
			.toList();
	}

	/**
	 * The tools as the SDK's server takes them.
	 * @return one specification per tool
	 */
	public List<AsyncToolSpecification> specifications() {
		return this.specifications;
	}

	private AsyncToolSpecification specification(TodoTool tool, McpJsonMapper schemas) {
		return AsyncToolSpecification.builder()
			.tool(tool.definition().tool(schemas))
			.callHandler((context, request) -> call(tool, context, request))
			.build();
	}

	private Mono<CallToolResult> call(TodoTool tool, McpTransportContext context, McpSchema.CallToolRequest request) {
		return Mono.defer(() -> {
			Map<String, Object> arguments = (request.arguments() != null) ? request.arguments() : Map.of();
			return tool.call(this.tasks, CallerContext.user(context),
					new ToolArguments(this.json.mapper().valueToTree(arguments), this.json));
		}).onErrorResume((error) -> Mono.just(failure(tool, error)));
	}

	private static CallToolResult failure(TodoTool tool, Throwable error) {
		return switch (error) {
			case NotFoundException notFound -> ToolResults
				.failure(notFound.getMessage() + " among your tasks; list_tasks shows the ids of your tasks.");
			case StaleVersionException stale -> ToolResults.failure("The argument version is out of date: "
					+ stale.getMessage() + " list_tasks shows the task as it is now.");
			case DomainException refused -> ToolResults.failure(refused.getMessage());
			default -> {
				logger.error("Tool {} failed", tool.definition().name(), error);
				yield ToolResults.failure("Something went wrong on our side; nothing was changed. Try again.");
			}
		};
	}

}
