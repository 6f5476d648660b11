package dev.todobot.chat.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.langchain4j.agent.tool.P;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.langchain4j.agent.tool.Tool;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the mcp function: the same tool names and argument names, each answering
 * with the compact JSON that langchain4j-mcp passes on for an MCP result's structured
 * content ({@code {"tasks":[...],"count":n,"has_more":false}} for a list, the task itself
 * otherwise).
 */
class LocalTodoTools {

	private final Map<Long, Task> tasks = new LinkedHashMap<>();

	private long nextId = 1;

	@Tool(name = "add_task", value = "Adds a task")
	String add_task(@P("what to do") String title, @P(value = "more about it", required = false) String description,
			@P(value = "YYYY-MM-DD", required = false) String due_date,
			@P(value = "low, medium or high", required = false) String priority,
			@P(value = "lower-case words", required = false) List<String> tags) {
		Task task = new Task(this.nextId++, title, description, false, due_date,
				(priority != null) ? priority : "medium", (tags != null) ? tags : List.of());
		this.tasks.put(task.id(), task);
		return json(task);
	}

	@Tool(name = "list_tasks", value = "Lists tasks")
	String list_tasks(@P(value = "all, pending or completed", required = false) String status,
			@P(value = "low, medium or high", required = false) String priority,
			@P(value = "one tag", required = false) String tag,
			@P(value = "text in title or description", required = false) String query,
			@P(value = "overdue, today or week", required = false) String due,
			@P(value = "1 to 100", required = false) Integer limit) {
		List<Task> found = new ArrayList<>();
		for (Task task : this.tasks.values()) {
			boolean statusMatches = status == null || status.equals("all")
					|| (status.equals("completed") == task.completed());
			boolean queryMatches = query == null
					|| task.title().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
			boolean tagMatches = tag == null || task.tags().contains(tag);
			if (statusMatches && queryMatches && tagMatches) {
				found.add(task);
			}
		}
		return json(Map.of("tasks", found, "count", found.size(), "has_more", false));
	}

	@Tool(name = "complete_task", value = "Completes a task")
	String complete_task(@P("the task's number") long task_id) {
		Task task = this.tasks.get(task_id);
		if (task == null) {
			throw new IllegalArgumentException("Task " + task_id + " not found");
		}
		Task done = new Task(task.id(), task.title(), task.description(), true, task.dueDate(), task.priority(),
				task.tags());
		this.tasks.put(task_id, done);
		return json(done);
	}

	@Tool(name = "delete_task", value = "Deletes a task")
	String delete_task(@P("the task's number") long task_id) {
		return json(this.tasks.remove(task_id));
	}

	@Tool(name = "update_task", value = "Changes a task")
	String update_task(@P("the task's number") long task_id, @P(value = "new title", required = false) String title,
			@P(value = "new description", required = false) String description,
			@P(value = "YYYY-MM-DD", required = false) String due_date,
			@P(value = "low, medium or high", required = false) String priority,
			@P(value = "replaces the tags", required = false) List<String> tags,
			@P(value = "done or not", required = false) Boolean completed) {
		Task task = this.tasks.get(task_id);
		Task updated = new Task(task_id, (title != null) ? title : task.title(),
				(description != null) ? description : task.description(),
				(completed != null) ? completed : task.completed(), (due_date != null) ? due_date : task.dueDate(),
				(priority != null) ? priority : task.priority(), (tags != null) ? tags : task.tags());
		this.tasks.put(task_id, updated);
		return json(updated);
	}

	private static String json(Object value) {
		return JsonMapper.shared().writeValueAsString(value);
	}

	/**
	 * A task as the mcp function returns it, in snake_case.
	 */
	record Task(long id, String title, String description, boolean completed, @JsonProperty("due_date") String dueDate,
			String priority, List<String> tags) {

	}

}
