package dev.todobot.todo.function;

import dev.todobot.core.event.TaskEvent;

/**
 * The todo functions with the CloudEvent types they take and answer with. A change is
 * also announced to {@code K_SINK} as its {@link TaskEvent}.
 */
public enum TodoOperation {

	SIGNUP("todo.user.signup", "todo.user.signedup"),

	LOGIN("todo.user.login", "todo.user.loggedin"),

	ADD_TASK("todo.task.add", TaskEvent.ADDED),

	LIST_TASKS("todo.task.list", "todo.task.listed"),

	GET_TASK("todo.task.get", "todo.task.found"),

	UPDATE_TASK("todo.task.update", TaskEvent.UPDATED),

	COMPLETE_TASK("todo.task.complete", TaskEvent.COMPLETED),

	DELETE_TASK("todo.task.delete", TaskEvent.DELETED),

	COMPLETE_TASKS("todo.tasks.complete", "todo.tasks.completed", TaskEvent.COMPLETED),

	DELETE_TASKS("todo.tasks.delete", "todo.tasks.deleted", TaskEvent.DELETED),

	LIST_REMINDERS("todo.reminder.list", "todo.reminder.listed"),

	DISMISS_REMINDERS("todo.reminder.dismiss", "todo.reminder.dismissed"),

	UPDATE_PROFILE("todo.user.update", "todo.user.updated");

	private final String requestType;

	private final String replyType;

	private final boolean change;

	private final TaskEvent announced;

	private final TaskEvent announcedEach;

	TodoOperation(String requestType, String replyType) {
		this(requestType, replyType, null);
	}

	TodoOperation(String requestType, TaskEvent announced) {
		this.requestType = requestType;
		this.replyType = announced.type();
		this.change = true;
		this.announced = announced;
		this.announcedEach = null;
	}

	/**
	 * An operation on several tasks, whose answer lists a result per task.
	 * @param announcedEach the event each task it changed is announced as
	 */
	TodoOperation(String requestType, String replyType, TaskEvent announcedEach) {
		this.requestType = requestType;
		this.replyType = replyType;
		this.change = false;
		this.announced = null;
		this.announcedEach = announcedEach;
	}

	/** The {@code type} a CloudEvent calling this function must have. */
	public String requestType() {
		return this.requestType;
	}

	/** The {@code type} of the answering CloudEvent, and of the announced change. */
	public String replyType() {
		return this.replyType;
	}

	/**
	 * For an operation that changes one task, the event it is announced as (an update
	 * that completes the task is announced as a completion); {@code null} otherwise.
	 */
	public TaskEvent announced() {
		return this.announced;
	}

	/**
	 * For an operation on several tasks, the event each changed task is announced as (its
	 * result's {@code task}, or its id for a delete); {@code null} otherwise.
	 */
	public TaskEvent announcedEach() {
		return this.announcedEach;
	}

	/** Whether the operation changes one task, and so is announced to {@code K_SINK}. */
	public boolean change() {
		return this.change;
	}

}
