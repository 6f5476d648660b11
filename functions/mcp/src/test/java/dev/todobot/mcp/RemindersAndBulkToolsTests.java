package dev.todobot.mcp;

import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.tool.TaskResults;
import dev.todobot.core.tool.ToolReminders;
import dev.todobot.core.tool.ToolTask;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * complete_tasks, delete_tasks, list_reminders and the schedule arguments of add_task and
 * update_task: results match their output schemas, and one user's token never reaches
 * another user's tasks or reminders.
 */
class RemindersAndBulkToolsTests extends McpHttpTestSupport {

	@Autowired
	TaskService taskService;

	private Session owner;

	private Session stranger;

	private TaskView theirs;

	@BeforeEach
	void twoUsers() {
		this.owner = signUp();
		this.stranger = signUp();
		this.theirs = this.taskService
			.add(this.stranger.user().id(), new NewTask("Their plans", null, null, null, null))
			.block();
	}

	@Test
	void addTaskTakesATimeAReminderAndARecurrence() {
		Map<String, Object> result = callTool(this.owner.token(), "add_task",
				"{\"title\":\"Water the plants\",\"due_date\":\"2030-05-03\",\"due_time\":\"08:00\","
						+ "\"remind_before_minutes\":30,\"recurrence\":\"FREQ=DAILY;INTERVAL=3\"}");

		assertThat(result).containsEntry("isError", false);
		Map<String, Object> task = structured(result);
		assertThat(task).containsEntry("due_time", "08:00")
			.containsEntry("remind_at", "2030-05-03T07:30:00Z")
			.containsEntry("remind_before_minutes", 30)
			.containsEntry("recurrence", "FREQ=DAILY;INTERVAL=3")
			.containsEntry("recurrence_text", "every 3 days");
		assertThat(text(result)).contains("every 3 days");
		assertMatches(ToolTask.SCHEMA, task);
	}

	@Test
	void updateTaskClearsARecurrenceWithNull() {
		long id = id(callTool(this.owner.token(), "add_task",
				"{\"title\":\"Stretch\",\"due_date\":\"2030-05-03\",\"recurrence\":\"FREQ=DAILY\"}"));

		Map<String, Object> result = callTool(this.owner.token(), "update_task",
				"{\"task_id\":%d,\"recurrence\":null,\"due_time\":\"07:15\"}".formatted(id));

		assertThat(structured(result)).containsEntry("recurrence", null).containsEntry("due_time", "07:15");
	}

	@Test
	void aBadRecurrenceIsAnErrorTheModelCanReadAndAddsNothing() {
		Map<String, Object> result = callTool(this.owner.token(), "add_task",
				"{\"title\":\"Hourly\",\"due_date\":\"2030-05-03\",\"recurrence\":\"FREQ=HOURLY\"}");

		assertThat(result).containsEntry("isError", true);
		assertThat(text(result)).contains("FREQ=HOURLY is not supported");
		assertThat(EmbeddedDatabase.count("select count(*) from tasks where user_id = " + this.owner.user().id()))
			.isZero();
	}

	@Test
	void completeTasksAnswersPerIdAndLeavesAnotherUsersTaskAlone() {
		long mine = id(callTool(this.owner.token(), "add_task", "{\"title\":\"Mine\"}"));

		Map<String, Object> result = callTool(this.owner.token(), "complete_tasks",
				"{\"ids\":[%d,%d]}".formatted(mine, this.theirs.id()));

		assertThat(result).containsEntry("isError", false);
		Map<String, Object> structured = structured(result);
		assertMatches(TaskResults.SCHEMA, structured);
		List<?> results = (List<?>) structured.get("results");
		assertThat(map(results.get(0))).containsEntry("ok", true);
		assertThat(map(map(results.get(0)).get("task"))).containsEntry("completed", true);
		assertThat(map(results.get(1))).containsEntry("ok", false)
			.containsEntry("error", "No task " + this.theirs.id());
		assertThat(this.taskService.get(this.stranger.user().id(), this.theirs.id()).block()).isEqualTo(this.theirs);
	}

	@Test
	@SuppressWarnings("unchecked")
	void deleteTasksAnswersPerIdAndLeavesAnotherUsersTaskAlone() {
		long mine = id(callTool(this.owner.token(), "add_task", "{\"title\":\"Mine\"}"));

		Map<String, Object> result = callTool(this.owner.token(), "delete_tasks",
				"{\"ids\":[%d,%d]}".formatted(this.theirs.id(), mine));

		Map<String, Object> structured = structured(result);
		assertMatches(TaskResults.SCHEMA, structured);
		assertThat((List<Object>) structured.get("results")).containsExactly(
				Map.of("id", (int) this.theirs.id(), "ok", false, "error", "No task " + this.theirs.id()),
				Map.of("id", (int) mine, "ok", true, "deleted", true));
		assertThat(this.taskService.get(this.stranger.user().id(), this.theirs.id()).block()).isEqualTo(this.theirs);
	}

	@Test
	void repeatedIdsAreRefused() {
		long mine = id(callTool(this.owner.token(), "add_task", "{\"title\":\"Mine\"}"));

		Map<String, Object> result = callTool(this.owner.token(), "complete_tasks",
				"{\"ids\":[%d,%d]}".formatted(mine, mine));

		assertThat(result).containsEntry("isError", true);
	}

	@Test
	void listRemindersShowsOnlyTheCallersReminders() {
		long mine = id(callTool(this.owner.token(), "add_task",
				"{\"title\":\"Pay rent\",\"due_date\":\"2030-06-01\",\"due_time\":\"09:00\"}"));
		EmbeddedDatabase.execute("insert into reminders (user_id, task_id, title, due_date, due_time, remind_at)"
				+ " select user_id, id, title, due_date, due_time, '2030-06-01 07:00:00+00' from tasks where id in ("
				+ mine + ", " + this.theirs.id() + ")");

		Map<String, Object> result = callTool(this.owner.token(), "list_reminders", "{}");

		assertThat(result).containsEntry("isError", false);
		Map<String, Object> structured = structured(result);
		assertMatches(ToolReminders.SCHEMA, structured);
		assertThat((List<?>) structured.get("reminders")).singleElement()
			.satisfies((reminder) -> assertThat(map(reminder)).containsEntry("task_id", (int) mine)
				.containsEntry("title", "Pay rent")
				.containsEntry("due_time", "09:00")
				.containsEntry("remind_at", "2030-06-01T07:00:00Z"));
		assertThat(text(result)).startsWith("1 reminder:");
		assertThat(structured(callTool(this.stranger.token(), "list_reminders", "{}")).get("reminders"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(1);
	}

	private static long id(Map<String, Object> result) {
		return ((Number) structured(result).get("id")).longValue();
	}

	private static void assertMatches(String schema, Map<String, Object> structured) {
		Schema checked = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
		assertThat(checked.validate(JsonMapper.shared().valueToTree(structured))).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object json) {
		return (Map<String, Object>) json;
	}

}
