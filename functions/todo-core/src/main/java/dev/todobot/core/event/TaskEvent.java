package dev.todobot.core.event;

import java.util.List;

import dev.todobot.core.task.TaskView;

/**
 * The CloudEvents the todo and mcp functions announce to {@code K_SINK} after each change
 * (built by {@link TaskEvents}), and so the contract their consumers (Knative Triggers,
 * which filter on {@code type}) rely on. Every one carries the attributes
 * {@link #REQUIRED_ATTRIBUTES}: {@code source} is {@code /todo} or {@code /mcp},
 * {@code subject} the task's id, the extension {@code userid} the owner's id, and
 * {@code data} JSON matching the type's schema ({@link #schema()}).
 */
public enum TaskEvent {

	/** A task was added; data: the task. */
	ADDED("todo.task.added"),
	/** A task was changed; data: the task as it is now. */
	UPDATED("todo.task.updated"),
	/** A task was marked done; data: the task as it is now. */
	COMPLETED("todo.task.completed"),
	/** A task was deleted; data: its id. */
	DELETED("todo.task.deleted");

	/** The context attributes every task event has. */
	public static final List<String> REQUIRED_ATTRIBUTES = List.of("specversion", "id", "source", "type", "time",
			"subject", "datacontenttype", "userid");

	private final String type;

	/**
	 * What an update of a task was: an update that marked an open task done is a
	 * completion, which a consumer of completions (the next occurrence of a recurring
	 * task) must see as one.
	 * @param updated the task after the update
	 * @return {@link #COMPLETED} when the update completed it, else {@link #UPDATED}
	 */
	public static TaskEvent ofUpdate(TaskView updated) {
		// an update stamps both with the same instant only when it completes an open
		// task: a done task keeps its completion time
		return (updated.completed() && updated.updatedAt().equals(updated.completedAt())) ? COMPLETED : UPDATED;
	}

	TaskEvent(String type) {
		this.type = type;
	}

	/**
	 * The CloudEvent {@code type}.
	 * @return such as {@code todo.task.completed}
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Where the JSON schema of the event's {@code data} is, on the class path.
	 * @return such as {@code events/todo.task.completed.schema.json}
	 */
	public String schema() {
		return "events/" + this.type + ".schema.json";
	}

}
