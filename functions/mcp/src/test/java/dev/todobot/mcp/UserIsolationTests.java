package dev.todobot.mcp;

import java.util.List;
import java.util.Map;

import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.user.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's token never reaches another user's tasks, through any tool.
 */
class UserIsolationTests extends McpHttpTestSupport {

	@Autowired
	TaskService taskService;

	private Session owner;

	private Session stranger;

	private TaskView task;

	@BeforeEach
	void twoUsersOneTask() {
		this.owner = signUp();
		this.stranger = signUp();
		this.task = this.taskService.add(this.owner.user().id(), new NewTask("Private plans", null, null, null, null))
			.block();
	}

	@ParameterizedTest
	@ValueSource(strings = { "complete_task", "delete_task", "update_task" })
	void anotherUsersTaskIsNotFoundAndStaysAsItWas(String tool) {
		String arguments = tool.equals("update_task")
				? "{\"task_id\":%d,\"title\":\"Hijacked\",\"completed\":true}".formatted(this.task.id())
				: "{\"task_id\":%d}".formatted(this.task.id());
		Map<String, Object> result = callTool(this.stranger.token(), tool, arguments);
		assertThat(result).containsEntry("isError", true).doesNotContainKey("structuredContent");
		assertThat(text(result)).startsWith("No task " + this.task.id());
		TaskView after = this.taskService.get(this.owner.user().id(), this.task.id()).block();
		assertThat(after).isEqualTo(this.task);
	}

	@Test
	void listShowsOnlyTheCallersTasks() {
		callTool(this.stranger.token(), "add_task", "{\"title\":\"Stranger's own\"}");
		Map<String, Object> list = structured(callTool(this.stranger.token(), "list_tasks", "{}"));
		assertThat((List<?>) list.get("tasks")).<Object>extracting((item) -> ((Map<?, ?>) item).get("title"))
			.containsExactly("Stranger's own");
	}

	@Test
	void searchDoesNotFindAnotherUsersTask() {
		Map<String, Object> result = callTool(this.stranger.token(), "list_tasks", "{\"query\":\"private\"}");
		assertThat(structured(result)).containsEntry("count", 0);
		assertThat(text(result)).isEqualTo("No tasks found.");
	}

	@Test
	void theOwnerStillReachesTheTask() {
		Map<String, Object> result = callTool(this.owner.token(), "complete_task",
				"{\"task_id\":%d}".formatted(this.task.id()));
		assertThat(result).containsEntry("isError", false);
		assertThat(structured(result)).containsEntry("completed", true);
	}

}
