package dev.todobot.todo.task;

import dev.todobot.core.task.Priority;
import dev.todobot.core.task.TaskQuery;

/**
 * The body of {@code listTasks}; every field is optional.
 *
 * @param q text to find in titles and descriptions
 */
public record ListTasksRequest(TaskQuery.Status status, Priority priority, String tag, String q, TaskQuery.Due due,
		TaskQuery.Sort sort, Integer limit, String cursor) {

	TaskQuery query() {
		return new TaskQuery(this.status, this.priority, this.tag, this.q, this.due, this.sort, this.limit,
				this.cursor);
	}

}
