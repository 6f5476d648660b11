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

	DELETE_TASK("todo.task.delete", TaskEvent.DELETED);

	private final String requestType;

	private final String replyType;

	private final boolean change;

	TodoOperation(String requestType, String replyType) {
		this.requestType = requestType;
		this.replyType = replyType;
		this.change = false;
	}

	TodoOperation(String requestType, TaskEvent announced) {
		this.requestType = requestType;
		this.replyType = announced.type();
		this.change = true;
	}

	/** The {@code type} a CloudEvent calling this function must have. */
	public String requestType() {
		return this.requestType;
	}

	/** The {@code type} of the answering CloudEvent, and of the announced change. */
	public String replyType() {
		return this.replyType;
	}

	/** Whether the operation changes data, and so is announced to {@code K_SINK}. */
	public boolean change() {
		return this.change;
	}

}
