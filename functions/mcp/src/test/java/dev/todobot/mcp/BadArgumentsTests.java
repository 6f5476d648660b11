package dev.todobot.mcp;

import java.util.Map;
import java.util.stream.Stream;

import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad arguments are tool results with {@code isError} and a message naming what is wrong,
 * as MCP asks, never protocol errors; and they change nothing.
 */
class BadArgumentsTests extends McpHttpTestSupport {

	@Autowired
	TaskService taskService;

	private Session session;

	private TaskView existing;

	@BeforeEach
	void signUpWithOneTask() {
		this.session = signUp();
		this.existing = this.taskService.add(this.session.user().id(), new NewTask("Existing", null, null, null, null))
			.block();
	}

	static Stream<Arguments> badArguments() {
		String elevenTags = "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]";
		return Stream.of(Arguments.of("add_task", "{}", "title"), Arguments.of("add_task", "{\"title\":5}", "title"),
				Arguments.of("add_task", "{\"title\":\"\"}", "title"),
				Arguments.of("add_task", "{\"title\":\"   \"}", "title must not be empty"),
				Arguments.of("add_task", "{\"title\":\"" + "t".repeat(201) + "\"}", "title"),
				Arguments.of("add_task", "{\"title\":\"" + "t".repeat(60_000) + "\"}", "title"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"description\":\"" + "d".repeat(4001) + "\"}",
						"description"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"due_date\":\"tomorrow\"}", "due_date"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"due_date\":\"2030-02-30\"}", "due_date"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"priority\":\"urgent\"}", "priority"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"tags\":" + elevenTags + "}", "tags"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"tags\":[\"two words\"]}", "a tag is one word"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"tags\":\"work\"}", "tags"),
				Arguments.of("add_task", "{\"titel\":\"typo\"}", "titel"),
				Arguments.of("add_task", "{\"title\":\"ok\",\"user_id\":1}", "user_id"),
				Arguments.of("list_tasks", "{\"status\":\"someday\"}", "status"),
				Arguments.of("list_tasks", "{\"due\":\"soon\"}", "due"),
				Arguments.of("list_tasks", "{\"limit\":0}", "limit"),
				Arguments.of("list_tasks", "{\"limit\":101}", "limit"),
				Arguments.of("list_tasks", "{\"limit\":\"5\"}", "limit"),
				Arguments.of("list_tasks", "{\"query\":\"" + "q".repeat(201) + "\"}", "query"),
				Arguments.of("list_tasks", "{\"tag\":\"two words\"}", "a tag is one word"),
				Arguments.of("complete_task", "{}", "task_id"),
				Arguments.of("complete_task", "{\"task_id\":\"abc\"}", "task_id"),
				Arguments.of("complete_task", "{\"task_id\":0}", "task_id"),
				Arguments.of("complete_task", "{\"task_id\":1.5}", "task_id"),
				Arguments.of("complete_task", "{\"task_id\":987654321}", "No task 987654321"),
				Arguments.of("delete_task", "{\"task_id\":987654321}", "No task 987654321"),
				Arguments.of("update_task", "{\"task_id\":987654321,\"title\":\"x\"}", "No task 987654321"),
				Arguments.of("update_task", "{\"task_id\":ID}", "Name at least one thing to change"),
				Arguments.of("update_task", "{\"task_id\":ID,\"title\":\"\"}", "title"),
				Arguments.of("update_task", "{\"task_id\":ID,\"title\":\"  \"}", "title must not be empty"),
				Arguments.of("update_task", "{\"task_id\":ID,\"completed\":\"yes\"}", "completed"),
				Arguments.of("update_task", "{\"task_id\":ID,\"title\":\"New\",\"priority\":\"urgent\"}", "priority"),
				// the task is at version 0: a change based on another read is refused
				Arguments.of("update_task", "{\"task_id\":ID,\"title\":\"New\",\"version\":7}",
						"The argument version is out of date"),
				Arguments.of("complete_task", "{\"task_id\":ID,\"version\":7}", "The argument version is out of date"),
				Arguments.of("update_task", "{\"task_id\":ID,\"title\":\"New\",\"version\":\"7\"}", "version"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("badArguments")
	void badArgumentsAreAToolErrorThatChangesNothing(String tool, String arguments, String named) {
		long before = tasks();
		Map<String, Object> result = callTool(this.session.token(), tool,
				arguments.replace("ID", Long.toString(this.existing.id())));
		assertThat(result).containsEntry("isError", true).doesNotContainKey("structuredContent");
		assertThat(text(result)).contains(named).doesNotContain("Exception", "\tat ");
		assertThat(tasks()).isEqualTo(before);
		assertThat(this.taskService.get(this.session.user().id(), this.existing.id()).block()).isEqualTo(this.existing);
	}

}
