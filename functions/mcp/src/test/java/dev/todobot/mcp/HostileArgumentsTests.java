package dev.todobot.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.testing.HostileInput;
import dev.todobot.core.testing.HostileInput.Case;
import dev.todobot.core.testing.HostileInput.Kind;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool against the hostile corpus: each case is a tool result with {@code isError}
 * whose text names the argument, never a protocol error or "something went wrong", and no
 * row of anyone changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileArgumentsTests extends McpHttpTestSupport {

	/** Stands in for the id of the caller's own task, which the cases are made before. */
	private static final String OWN_TASK = "OWN_TASK";

	@Autowired
	TaskService taskService;

	private Session session;

	private TaskView existing;

	@BeforeAll
	void signUpWithOneTask() {
		this.session = signUp();
		this.existing = this.taskService.add(this.session.user().id(), new NewTask("Existing", null, null, null, null))
			.block();
	}

	static Stream<Case> corpus() {
		Map<String, Kind> task = fields("title", Kind.TEXT, "description", Kind.TEXT, "due_date", Kind.DATE, "priority",
				Kind.NAME, "tags", Kind.TEXT_LIST);
		task.putAll(fields("due_time", Kind.TIME, "remind_at", Kind.INSTANT, "remind_before_minutes", Kind.WHOLE_NUMBER,
				"recurrence", Kind.TEXT));
		Map<String, Kind> update = fields("task_id", Kind.WHOLE_NUMBER, "completed", Kind.BOOLEAN);
		update.putAll(task);
		return Stream
			.of(HostileInput.cases("add_task", Map.of("title", "\"ok\""), task),
					HostileInput.cases(
							"list_tasks", Map.of(),
							fields("status", Kind.NAME, "priority", Kind.NAME, "tag", Kind.TEXT, "query", Kind.TEXT,
									"due", Kind.NAME, "limit", Kind.WHOLE_NUMBER)),
					HostileInput.cases("complete_task", Map.of("task_id", OWN_TASK),
							fields("task_id", Kind.WHOLE_NUMBER)),
					HostileInput.cases("delete_task", Map.of("task_id", OWN_TASK),
							fields("task_id", Kind.WHOLE_NUMBER)),
					HostileInput.cases("update_task", Map.of("task_id", OWN_TASK, "title", "\"changed\""), update))
			.flatMap((cases) -> cases);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void hostileArgumentIsAToolErrorNamingItAndChangesNothing(Case hostile) {
		String arguments = hostile.body().replace(OWN_TASK, Long.toString(this.existing.id()));
		long users = EmbeddedDatabase.count("select count(*) from users");
		long tasks = tasks();
		Map<String, Object> result = callTool(this.session.token(), hostile.function(), arguments);
		String text = text(result);
		assertThat(result).as("%s answered %s", arguments, text).containsEntry("isError", true);
		assertThat(text).as(arguments).contains(hostile.field()).doesNotContain("Something went wrong");
		assertThat(tasks()).isEqualTo(tasks);
		assertThat(EmbeddedDatabase.count("select count(*) from users")).isEqualTo(users);
		assertThat(this.taskService.get(this.session.user().id(), this.existing.id()).block()).isEqualTo(this.existing);
	}

	private static Map<String, Kind> fields(Object... pairs) {
		Map<String, Kind> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], (Kind) pairs[i + 1]);
		}
		return fields;
	}

}
