package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the user asked for in one message, as the offline model understood it.
 */
sealed interface Command {

	/**
	 * Add a task.
	 *
	 * @param title what to do, never blank
	 * @param description more about it, or {@code null}
	 * @param dueDate when it is due, or {@code null}
	 * @param priority low, medium or high, or {@code null} for the service's default
	 * @param tags lower-case words, maybe none
	 */
	record AddTask(String title, String description, LocalDate dueDate, String priority,
			List<String> tags) implements Command {

		public AddTask {
			if (title == null || title.isBlank()) {
				throw new IllegalArgumentException("title must not be blank");
			}
			tags = List.copyOf(tags);
		}

	}

	/**
	 * List tasks; each filter is {@code null} when the user did not ask for it.
	 *
	 * @param status all, pending or completed
	 * @param priority low, medium or high
	 * @param tag one tag
	 * @param query words in the title or description
	 * @param due overdue, today or week
	 * @param limit how many, 1 to 100
	 */
	record ListTasks(String status, String priority, String tag, String query, String due,
			Integer limit) implements Command {

	}

	/**
	 * Complete, reopen, delete or update one task.
	 *
	 * @param target which task
	 * @param change what to do with it
	 * @param title the new title, for {@link Change#UPDATE}, or {@code null}
	 * @param dueDate the new due date, for {@link Change#UPDATE}, or {@code null}
	 * @param priority the new priority, for {@link Change#UPDATE}, or {@code null}
	 */
	record ChangeTask(TaskRef target, Change change, String title, LocalDate dueDate,
			String priority) implements Command {

		public ChangeTask {
			Objects.requireNonNull(target, "target must not be null");
			Objects.requireNonNull(change, "change must not be null");
			if (change == Change.UPDATE && title == null && dueDate == null && priority == null) {
				throw new IllegalArgumentException("an update needs a title, a due date or a priority");
			}
		}

		static ChangeTask of(TaskRef target, Change change) {
			return new ChangeTask(target, change, null, null, null);
		}

		ChangeTask on(TaskRef other) {
			return new ChangeTask(other, this.change, this.title, this.dueDate, this.priority);
		}

	}

	/**
	 * A bare task number, which only means something as the answer to "which one?".
	 *
	 * @param id the task's id
	 */
	record PickTask(long id) implements Command {

	}

	/**
	 * Show what the model understands.
	 *
	 * @param understood {@code false} when the message was not understood at all
	 */
	record Help(boolean understood) implements Command {

	}

	/**
	 * The message was a command, but something is missing or too vague to act on.
	 *
	 * @param problem what is missing
	 * @param detail the words in question, or {@code ""}
	 */
	record Unclear(Problem problem, String detail) implements Command {

	}

	/**
	 * What a {@link ChangeTask} does.
	 */
	enum Change {

		COMPLETE, REOPEN, DELETE, UPDATE

	}

	/**
	 * Why a command cannot be carried out as it stands.
	 */
	enum Problem {

		/** "add" with nothing to add. */
		NO_TITLE,
		/** "move the milk to someday": the date is not one the model reads. */
		BAD_DATE,
		/** "delete it": no task named. */
		NO_TASK,
		/** "delete everything": one task at a time. */
		MANY_TASKS,
		/** Longer than any command. */
		TOO_LONG

	}

}
