package dev.todobot.core.event;

import java.util.List;

/**
 * The CloudEvents the todo function announces to {@code K_SINK} after each change, and so
 * the contract its consumers (Knative Triggers, which filter on {@code type}) rely on.
 * Every one carries the attributes {@link #REQUIRED_ATTRIBUTES}: {@code source} is
 * {@code /todo}, {@code subject} the task's id, the extension {@code userid} the owner's
 * id, and {@code data} JSON matching the type's schema ({@link #schema()}).
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
