package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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
	 * @param dueTime the time of day it is due, or {@code null}
	 * @param recurrence how it repeats, as an RRULE, or {@code null}
	 * @param remindBeforeMinutes how long before the due time to remind the user, or
	 * {@code null} for no reminder
	 */
	record AddTask(String title, String description, LocalDate dueDate, String priority, List<String> tags,
			LocalTime dueTime, String recurrence, Integer remindBeforeMinutes) implements Command {

		public AddTask {
			if (title == null || title.isBlank()) {
				throw new IllegalArgumentException("title must not be blank");
			}
			tags = List.copyOf(tags);
		}

		AddTask(String title, String description, LocalDate dueDate, String priority, List<String> tags) {
			this(title, description, dueDate, priority, tags, null, null, null);
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
	 * @param fields the new values, for {@link Change#UPDATE}; {@link Fields#NONE}
	 * otherwise
	 */
	record ChangeTask(TaskRef target, Change change, Fields fields) implements Command {

		public ChangeTask {
			Objects.requireNonNull(target, "target must not be null");
			Objects.requireNonNull(change, "change must not be null");
			Objects.requireNonNull(fields, "fields must not be null");
			if (change == Change.UPDATE && fields.isEmpty()) {
				throw new IllegalArgumentException("an update needs something to change");
			}
		}

		static ChangeTask of(TaskRef target, Change change) {
			return new ChangeTask(target, change, Fields.NONE);
		}

		static ChangeTask update(TaskRef target, Fields fields) {
			return new ChangeTask(target, Change.UPDATE, fields);
		}

		ChangeTask on(TaskRef other) {
			return new ChangeTask(other, this.change, this.fields);
		}

	}

	/**
	 * What an update changes; each is {@code null} (or empty) when it stays.
	 *
	 * @param title the new title
	 * @param dueDate the new due date
	 * @param dueTime the new time of day it is due
	 * @param clearDue whether to remove the due date
	 * @param priority low, medium or high
	 * @param description the new details
	 * @param addTags tags to add to the task's own
	 * @param removeTags tags to take off
	 */
	record Fields(String title, LocalDate dueDate, LocalTime dueTime, boolean clearDue, String priority,
			String description, List<String> addTags, List<String> removeTags) {

		static final Fields NONE = new Fields(null, null, null, false, null, null, List.of(), List.of());

		public Fields {
			addTags = List.copyOf(addTags);
			removeTags = List.copyOf(removeTags);
		}

		static Fields title(String title) {
			return new Fields(title, null, null, false, null, null, List.of(), List.of());
		}

		static Fields due(LocalDate dueDate) {
			return due(dueDate, null);
		}

		static Fields due(LocalDate dueDate, LocalTime dueTime) {
			return new Fields(null, dueDate, dueTime, false, null, null, List.of(), List.of());
		}

		static Fields priority(String priority) {
			return new Fields(null, null, null, false, priority, null, List.of(), List.of());
		}

		static Fields noDueDate() {
			return new Fields(null, null, null, true, null, null, List.of(), List.of());
		}

		static Fields description(String description) {
			return new Fields(null, null, null, false, null, description, List.of(), List.of());
		}

		static Fields tags(List<String> add, List<String> remove) {
			return new Fields(null, null, null, false, null, null, add, remove);
		}

		Fields and(Fields more) {
			return new Fields((more.title != null) ? more.title : this.title,
					(more.dueDate != null) ? more.dueDate : this.dueDate,
					(more.dueTime != null) ? more.dueTime : this.dueTime, more.clearDue || this.clearDue,
					(more.priority != null) ? more.priority : this.priority,
					(more.description != null) ? more.description : this.description,
					concat(this.addTags, more.addTags), concat(this.removeTags, more.removeTags));
		}

		boolean isEmpty() {
			return this.title == null && this.dueDate == null && this.dueTime == null && !this.clearDue
					&& this.priority == null && this.description == null && this.addTags.isEmpty()
					&& this.removeTags.isEmpty();
		}

		boolean changesTags() {
			return !this.addTags.isEmpty() || !this.removeTags.isEmpty();
		}

		private static List<String> concat(List<String> a, List<String> b) {
			return Stream.concat(a.stream(), b.stream()).distinct().toList();
		}

	}

	/**
	 * Which reminders have come due and wait for the user.
	 */
	record ListReminders() implements Command {

	}

	/**
	 * A question about one task: is it done, when is it due.
	 *
	 * @param target which task
	 */
	record AskTask(TaskRef target) implements Command {

	}

	/**
	 * Words that need a polite answer and no tool: thanks, greetings, goodbyes.
	 *
	 * @param kind which
	 */
	record SmallTalk(Talk kind) implements Command {

	}

	/**
	 * The kinds of {@link SmallTalk}.
	 */
	enum Talk {

		THANKS, GREETING, BYE, HOW_ARE_YOU, WHO_ARE_YOU, OKAY, PRAISE

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
