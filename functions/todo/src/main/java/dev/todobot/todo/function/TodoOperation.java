package dev.todobot.todo.function;

/**
 * The todo functions with the CloudEvent types they take and answer with. A change is
 * also announced to {@code K_SINK} under its answer type.
 */
public enum TodoOperation {

	SIGNUP("todo.user.signup", "todo.user.signedup", false),

	LOGIN("todo.user.login", "todo.user.loggedin", false),

	ADD_TASK("todo.task.add", "todo.task.added", true),

	LIST_TASKS("todo.task.list", "todo.task.listed", false),

	GET_TASK("todo.task.get", "todo.task.found", false),

	UPDATE_TASK("todo.task.update", "todo.task.updated", true),

	COMPLETE_TASK("todo.task.complete", "todo.task.completed", true),

	DELETE_TASK("todo.task.delete", "todo.task.deleted", true);

	private final String requestType;

	private final String replyType;

	private final boolean change;

	TodoOperation(String requestType, String replyType, boolean change) {
		this.requestType = requestType;
		this.replyType = replyType;
		this.change = change;
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
