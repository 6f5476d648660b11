package dev.todobot.mcp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.Priority;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools and the task service are one: what a tool writes, the service reads, and the
 * other way round; tool arguments mean what the service's fields mean.
 */
class TaskDomainTests extends McpHttpTestSupport {

	@Autowired
	TaskService taskService;

	private Session session;

	@BeforeEach
	void signUpAUser() {
		this.session = signUp();
	}

	@Test
	void taskAddedThroughMcpIsAStoredTaskOfTheCaller() {
		Map<String, Object> added = structured(callTool(this.session.token(), "add_task",
				"{\"title\":\"  Renew passport \",\"description\":\"photo first\",\"tags\":[\"#Admin\"]}"));
		long id = ((Number) added.get("id")).longValue();
		assertThat(EmbeddedDatabase
			.count("select count(*) from tasks where id = " + id + " and user_id = " + this.session.user().id()))
			.isOne();
		TaskView stored = this.taskService.get(this.session.user().id(), id).block();
		assertThat(stored.title()).isEqualTo("Renew passport");
		assertThat(stored.description()).isEqualTo("photo first");
		assertThat(stored.tags()).containsExactly("admin");
		assertThat(stored.priority()).isEqualTo("medium");
	}

	@Test
	void taskAddedThroughTheServiceIsListedByMcp() {
		TaskView task = add(new NewTask("Pay rent", null, LocalDate.of(2030, 6, 1), Priority.HIGH, List.of("home")));
		Map<String, Object> listed = single(callTool(this.session.token(), "list_tasks", "{}"));
		assertThat(listed).containsEntry("id", (int) task.id())
			.containsEntry("title", "Pay rent")
			.containsEntry("due_date", "2030-06-01")
			.containsEntry("priority", "high")
			.containsEntry("tags", List.of("home"))
			.containsEntry("created_at", task.createdAt().toString());
	}

	@Test
	void listFiltersNarrowTheList() {
		add(new NewTask("Buy oat milk", null, null, Priority.LOW, List.of("shopping")));
		add(new NewTask("Buy stamps", null, null, Priority.HIGH, List.of("shopping")));
		add(new NewTask("Fix bike", null, null, Priority.HIGH, List.of("home")));
		Map<String, Object> listed = single(callTool(this.session.token(), "list_tasks",
				"{\"status\":\"pending\",\"priority\":\"high\",\"tag\":\"shopping\",\"query\":\"BUY\"}"));
		assertThat(listed).containsEntry("title", "Buy stamps");
	}

	@Test
	void limitCutsTheListAndSaysSo() {
		add(new NewTask("One", null, null, null, null));
		add(new NewTask("Two", null, null, null, null));
		Map<String, Object> result = callTool(this.session.token(), "list_tasks", "{\"limit\":1}");
		assertThat(structured(result)).containsEntry("count", 1).containsEntry("has_more", true);
		assertThat(text(result)).endsWith("More tasks match: narrow the filters or raise limit (up to 100).");
	}

	@Test
	void completedTasksAreNotPending() {
		TaskView done = add(new NewTask("Done already", null, null, null, null));
		this.taskService.complete(this.session.user().id(), done.id(), null).block();
		add(new NewTask("Still to do", null, null, null, null));
		assertThat(single(callTool(this.session.token(), "list_tasks", "{\"status\":\"pending\"}")))
			.containsEntry("title", "Still to do");
	}

	@Test
	void updateWithNullDueDateRemovesIt() {
		TaskView task = add(new NewTask("Dentist", null, LocalDate.of(2030, 1, 1), null, null));
		callTool(this.session.token(), "update_task", "{\"task_id\":%d,\"due_date\":null}".formatted(task.id()));
		assertThat(this.taskService.get(this.session.user().id(), task.id()).block().dueDate()).isNull();
	}

	@Test
	void updateWithEmptyDescriptionAndTagsClearsThem() {
		TaskView task = add(new NewTask("Plan trip", "Rome or Lisbon", null, null, List.of("travel")));
		callTool(this.session.token(), "update_task",
				"{\"task_id\":%d,\"description\":\"\",\"tags\":[]}".formatted(task.id()));
		TaskView updated = this.taskService.get(this.session.user().id(), task.id()).block();
		assertThat(updated.description()).isNull();
		assertThat(updated.tags()).isEmpty();
		assertThat(updated.title()).isEqualTo("Plan trip");
	}

	@Test
	void updateWithCompletedFalseReopensATask() {
		TaskView task = add(new NewTask("Reopen me", null, null, null, null));
		this.taskService.complete(this.session.user().id(), task.id(), null).block();
		Map<String, Object> reopened = structured(callTool(this.session.token(), "update_task",
				"{\"task_id\":%d,\"completed\":false}".formatted(task.id())));
		assertThat(reopened).containsEntry("completed", false).containsEntry("completed_at", null);
	}

	@Test
	void updateWithTheVersionReadChangesTheTaskAndCountsOn() {
		TaskView task = add(new NewTask("Versioned", null, null, null, null));
		Map<String, Object> updated = structured(callTool(this.session.token(), "update_task",
				"{\"task_id\":%d,\"title\":\"Renamed\",\"version\":0}".formatted(task.id())));
		assertThat(updated).containsEntry("title", "Renamed").containsEntry("version", 1);
		Map<String, Object> done = structured(
				callTool(this.session.token(), "complete_task", "{\"task_id\":%d,\"version\":1}".formatted(task.id())));
		assertThat(done).containsEntry("completed", true).containsEntry("version", 2);
	}

	@Test
	void staleUpdateNamesTheCurrentVersionAndChangesNothing() {
		TaskView task = add(new NewTask("Read twice", null, null, null, null));
		callTool(this.session.token(), "update_task", "{\"task_id\":%d,\"priority\":\"high\"}".formatted(task.id()));
		Map<String, Object> result = callTool(this.session.token(), "update_task",
				"{\"task_id\":%d,\"title\":\"Late\",\"version\":0}".formatted(task.id()));
		assertThat(result).containsEntry("isError", true);
		assertThat(text(result)).contains("version", "at version 1, not 0", "list_tasks");
		TaskView now = this.taskService.get(this.session.user().id(), task.id()).block();
		assertThat(now.title()).isEqualTo("Read twice");
		assertThat(now.priority()).isEqualTo("high");
		assertThat(now.version()).isEqualTo(1);
	}

	@Test
	void deletedTaskIsGone() {
		TaskView task = add(new NewTask("Throw away", null, null, null, null));
		callTool(this.session.token(), "delete_task", "{\"task_id\":%d}".formatted(task.id()));
		assertThat(EmbeddedDatabase.count("select count(*) from tasks where id = " + task.id())).isZero();
	}

	@Test
	void emptyListSaysSo() {
		Map<String, Object> result = callTool(this.session.token(), "list_tasks", "{}");
		assertThat(structured(result)).containsEntry("tasks", List.of())
			.containsEntry("count", 0)
			.containsEntry("has_more", false);
		assertThat(text(result)).isEqualTo("No tasks found.");
	}

	private TaskView add(NewTask task) {
		return this.taskService.add(this.session.user().id(), task).block();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> single(Map<String, Object> result) {
		List<Map<String, Object>> tasks = (List<Map<String, Object>>) structured(result).get("tasks");
		assertThat(tasks).hasSize(1);
		return tasks.getFirst();
	}

}
