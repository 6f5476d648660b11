package dev.todobot.core.event;

import java.util.List;

/**
 * The CloudEvents the reminders function emits to {@code K_SINK}. Every one carries the
 * attributes {@link #REQUIRED_ATTRIBUTES}: {@code source} is {@link #SOURCE},
 * {@code subject} the task's id, the extension {@code userid} the owner's id, and
 * {@code data} JSON matching the type's schema ({@link #schema()}).
 */
public enum ReminderEvent {

	/**
	 * A task's reminder came due; data: the reminder
	 * ({@link dev.todobot.core.reminder.ReminderView}).
	 */
	DUE("todo.reminder.due");

	/** The {@code source} of every reminder event. */
	public static final String SOURCE = "/reminders";

	/** The context attributes every reminder event has: those of a task event. */
	public static final List<String> REQUIRED_ATTRIBUTES = TaskEvent.REQUIRED_ATTRIBUTES;

	private final String type;

	ReminderEvent(String type) {
		this.type = type;
	}

	/**
	 * The CloudEvent {@code type}.
	 * @return such as {@code todo.reminder.due}
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Where the JSON schema of the event's {@code data} is, on the class path.
	 * @return such as {@code events/todo.reminder.due.schema.json}
	 */
	public String schema() {
		return "events/" + this.type + ".schema.json";
	}

}
