package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.todobot.chat.offline.Command.Change;
import dev.todobot.chat.offline.Command.Problem;
import dev.todobot.core.tool.ToolContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the offline model says, in one place: help, questions, and the summaries of
 * tool results. Titles from tool results are only ever quoted.
 */
final class ReplyWriter {

	private static final int MAX_LISTED = 20;

	private final LocalDate today;

	ReplyWriter(LocalDate today) {
		this.today = today;
	}

	String help(boolean understood) {
		String intro = understood ? "I'm the built-in assistant. I understand plain commands like these:"
				: "Sorry, I didn't understand that. I understand plain commands like these:";
		return intro + """

				• add buy milk tomorrow #shop !high
				• show my open tasks · what's overdue? · tasks tagged work · find milk
				• complete task 3 · mark the milk done · reopen task 3
				• move the milk to friday · rename task 3 to buy oat milk · make task 3 urgent
				• delete task 3 · delete the milk task""";
	}

	String unclear(Problem problem, String detail) {
		return switch (problem) {
			case NO_TITLE -> "What should the task say? For example: “add buy milk tomorrow”.";
			case BAD_DATE -> detail.isBlank() ? "To when? For example: “move task 3 to friday”."
					: "I can't read “" + ToolResultReader.clean(detail, 60) + "” as a date. Try “tomorrow”, “friday”,"
							+ " “next week”, “in 3 days” or a date like 2030-05-03.";
			case NO_TASK -> "Which task do you mean? Say its number (“complete task 3”) or words from its title"
					+ " (“complete the milk task”).";
			case TOO_LONG -> "That's longer than the commands I understand (" + CommandParser.MAX_MESSAGE
					+ " characters at most). Try something like “add buy milk tomorrow”.";
			case MANY_TASKS -> "I change one task at a time. Say its number (“delete task 3”) or words from its title"
					+ " (“delete the milk task”).";
		};
	}

	String smallTalk(Command.Talk kind) {
		return switch (kind) {
			case THANKS -> "You're welcome!";
			case GREETING -> "Hello! Tell me what to add, change or complete, or ask “what's on my list?”.";
			case BYE -> "Bye! Your tasks will be here when you come back.";
			case HOW_ARE_YOU -> "I'm fine, thanks, and ready to help with your tasks. What's next?";
			case WHO_ARE_YOU -> "I'm the built-in todo assistant: I add, list, change, complete and delete your tasks."
					+ " Say “help” for examples.";
			case OKAY -> "Okay. Anything else I can do for your list?";
			case PRAISE -> "Thank you! Happy to help.";
		};
	}

	/**
	 * Answers a question about one task from the tasks that match it.
	 * @param words what the user called it
	 * @param tasks the matching tasks
	 * @return the answer
	 */
	String status(String words, List<TaskItem> tasks) {
		if (tasks.isEmpty()) {
			return "I couldn't find a task matching “" + words + "”. Say “show my tasks” to see them all.";
		}
		return tasks.stream().limit(MAX_LISTED).map((task) -> {
			String state = task.completed() ? " is done" : " is not done yet";
			List<String> details = new ArrayList<>();
			if (task.dueDate() != null) {
				details.add((task.dueDate().isBefore(this.today) && !task.completed())
						? "overdue since " + task.dueDate() : due(task.dueDate()));
			}
			if (task.priority() != null) {
				details.add(task.priority() + " priority");
			}
			return "“" + task.title() + "” (#" + task.id() + ")" + state
					+ (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")") + ".";
		}).collect(Collectors.joining("\n"));
	}

	String pickWithoutQuestion(long id) {
		return "What should I do with task " + id + "? For example: “complete task " + id + "”, “delete task " + id
				+ "” or “move task " + id + " to friday”.";
	}

	String toolMissing(String tool) {
		return "Sorry, I can't do that right now: the " + tool + " tool is not available.";
	}

	String notFound(Change change, String words) {
		String which = switch (change) {
			case COMPLETE -> "an open task";
			case REOPEN -> "a completed task";
			default -> "a task";
		};
		return "I couldn't find " + which + " matching “" + words + "”. Say “show my tasks” to see them all.";
	}

	String whichOne(Change change, String words, List<TaskItem> tasks) {
		String verb = switch (change) {
			case COMPLETE -> "complete";
			case REOPEN -> "reopen";
			case DELETE -> "delete";
			case UPDATE -> "change";
		};
		return "I found " + tasks.size() + " tasks matching “" + words + "”:\n" + lines(tasks, false)
				+ "\nWhich one should I " + verb + "? Answer with its number, for example “" + tasks.getFirst().id()
				+ "”.";
	}

	String unreadableList(ToolResult result) {
		return "I couldn't read the task list. The todo service said: “" + result.text() + "”";
	}

	/**
	 * Sums up the last tool call of a turn.
	 * @param last the call to sum up
	 * @param known the tasks seen before this call, for titles the result lacks
	 * @return the answer for the user
	 */
	String summary(ToolExchange last, List<TaskItem> known) {
		ToolResult result = last.result();
		if (result.error()) {
			return failure(last);
		}
		return switch (last.tool()) {
			case ToolContract.ADD_TASK -> added(last);
			case ToolContract.LIST_TASKS -> listed(last);
			case ToolContract.COMPLETE_TASK -> "Marked " + name(last, known) + " as done.";
			case ToolContract.DELETE_TASK -> "Deleted " + name(last, known) + ".";
			case ToolContract.UPDATE_TASK -> updated(last, known);
			case ToolContract.LIST_REMINDERS -> reminders(result);
			default -> quote(result);
		};
	}

	private String failure(ToolExchange exchange) {
		String what = switch (exchange.tool()) {
			case ToolContract.ADD_TASK -> "add that task";
			case ToolContract.LIST_TASKS -> "get your tasks";
			case ToolContract.COMPLETE_TASK -> "complete task " + exchange.taskId();
			case ToolContract.DELETE_TASK -> "delete task " + exchange.taskId();
			case ToolContract.UPDATE_TASK -> "change task " + exchange.taskId();
			case ToolContract.LIST_REMINDERS -> "get your reminders";
			default -> "do that";
		};
		return "Sorry, I couldn't " + what + ": " + exchange.result().errorMessage();
	}

	private String added(ToolExchange exchange) {
		ToolResult result = exchange.result();
		if (result.firstTask().isEmpty()) {
			return "Added “" + exchange.arguments().path(ToolContract.TITLE).asString("") + "”.";
		}
		TaskItem task = result.firstTask().get();
		List<String> details = details(task);
		return "Added “" + task.title() + "”" + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")")
				+ ".";
	}

	private String reminders(ToolResult result) {
		List<TaskItem> due = result.tasks();
		if (due.isEmpty()) {
			return "You have no reminders.";
		}
		List<TaskItem> shown = due.subList(0, Math.min(due.size(), MAX_LISTED));
		String more = (due.size() > shown.size()) ? "\n…and more in the reminders list." : "";
		return "You have " + ((due.size() == 1) ? "1 reminder" : due.size() + " reminders") + ":\n"
				+ lines(shown, false) + more;
	}

	private String listed(ToolExchange exchange) {
		ToolResult result = exchange.result();
		if (!result.list() && result.tasks().isEmpty()) {
			return result.text().isEmpty() ? "The todo service sent no tasks."
					: "Here is what the todo service said: “" + result.text() + "”";
		}
		ObjectNode filters = exchange.arguments();
		String status = filters.path(ToolContract.STATUS).asString("");
		List<TaskItem> tasks = result.tasks();
		if (tasks.isEmpty()) {
			return nothingListed(filters, status);
		}
		String count = (tasks.size() == 1) ? "1 " + describe(filters, "task")
				: tasks.size() + " " + describe(filters, "tasks");
		List<TaskItem> shown = tasks.subList(0, Math.min(tasks.size(), MAX_LISTED));
		String more = (result.more() || tasks.size() > shown.size())
				? "\n…and more. Ask for a tag, a priority or words to narrow it down." : "";
		return "You have " + count + ":\n" + lines(shown, !status.equals("completed")) + more;
	}

	private String nothingListed(ObjectNode filters, String status) {
		boolean onlyStatus = filters.size() == ((status.isEmpty()) ? 0 : 1);
		if (onlyStatus && status.equals("pending")) {
			return "Nothing is open — all done!";
		}
		if (onlyStatus && !status.equals("completed")) {
			return "You have no tasks yet. Try “add buy milk tomorrow”.";
		}
		return "You have no " + describe(filters, "tasks") + ".";
	}

	/**
	 * "open high-priority tasks due today tagged #work matching “milk”".
	 */
	private static String describe(ObjectNode filters, String noun) {
		List<String> words = new ArrayList<>();
		String due = filters.path(ToolContract.DUE).asString("");
		if (due.equals("overdue")) {
			words.add("overdue");
		}
		switch (filters.path(ToolContract.STATUS).asString("")) {
			case "pending" -> words.add("open");
			case "completed" -> words.add("completed");
			default -> {
			}
		}
		String priority = filters.path(ToolContract.PRIORITY).asString("");
		if (!priority.isEmpty()) {
			words.add(priority + "-priority");
		}
		words.add(noun);
		if (due.equals("today")) {
			words.add("due today");
		}
		if (due.equals("week")) {
			words.add("due this week");
		}
		String tag = filters.path(ToolContract.TAG).asString("");
		if (!tag.isEmpty()) {
			words.add("tagged #" + tag);
		}
		String query = filters.path(ToolContract.QUERY).asString("");
		if (!query.isEmpty()) {
			words.add("matching “" + query + "”");
		}
		return String.join(" ", words);
	}

	private String updated(ToolExchange exchange, List<TaskItem> known) {
		ObjectNode changes = exchange.arguments();
		String name = name(exchange, known);
		List<String> sentences = new ArrayList<>();
		JsonNode completed = changes.get(ToolContract.COMPLETED);
		if (completed != null && completed.isBoolean()) {
			sentences.add((completed.booleanValue() ? "Marked " + name + " as done." : "Reopened " + name + "."));
		}
		if (changes.has(ToolContract.TITLE)) {
			String before = knownTitle(exchange.taskId(), known);
			String from = (before != null) ? "“" + before + "”" : "task " + exchange.taskId();
			sentences.add("Renamed " + from + " to “" + changes.path(ToolContract.TITLE).asString("") + "”.");
		}
		if (changes.has(ToolContract.DUE_DATE) || changes.has(ToolContract.DUE_TIME)) {
			JsonNode date = changes.get(ToolContract.DUE_DATE);
			sentences.add(capitalize(name) + ((date != null && !date.isString()) ? " no longer has a due date"
					: " is now " + newDue(exchange, changes)) + ".");
		}
		if (changes.has(ToolContract.PRIORITY)) {
			sentences
				.add(capitalize(name) + " is now " + changes.path(ToolContract.PRIORITY).asString("") + " priority.");
		}
		if (changes.has(ToolContract.DESCRIPTION)) {
			sentences.add("Noted on " + name + ": “" + changes.path(ToolContract.DESCRIPTION).asString("") + "”.");
		}
		if (changes.has(ToolContract.TAGS)) {
			List<String> tags = new ArrayList<>();
			changes.get(ToolContract.TAGS).forEach((tag) -> tags.add("#" + tag.asString("")));
			sentences.add(capitalize(name)
					+ (tags.isEmpty() ? " has no tags now." : " is now tagged " + String.join(" ", tags) + "."));
		}
		return sentences.isEmpty() ? "Updated " + name + "." : String.join(" ", sentences);
	}

	/**
	 * The task's title in quotes, from the result, else from what was seen before, else
	 * its number.
	 */
	private static String name(ToolExchange exchange, List<TaskItem> known) {
		String title = changedTask(exchange).map(TaskItem::title).orElseGet(() -> knownTitle(exchange.taskId(), known));
		return (title != null) ? "“" + title + "”" : "task " + exchange.taskId();
	}

	/**
	 * When a task is due after a change: as the result has it, else as the change asked
	 * (a new time keeps the task's day, a new day its time).
	 */
	private String newDue(ToolExchange exchange, ObjectNode changes) {
		Optional<TaskItem> task = changedTask(exchange);
		LocalDate date = task.map(TaskItem::dueDate)
			.orElseGet(() -> changes.hasNonNull(ToolContract.DUE_DATE)
					? LocalDate.parse(changes.get(ToolContract.DUE_DATE).asString()) : null);
		LocalTime time = task.map(TaskItem::dueTime)
			.orElseGet(() -> changes.hasNonNull(ToolContract.DUE_TIME)
					? LocalTime.parse(changes.get(ToolContract.DUE_TIME).asString()) : null);
		return ((date != null) ? due(date) : "due") + atTime(time);
	}

	/** The task as the tool's result has it after the change, if the result shows it. */
	private static Optional<TaskItem> changedTask(ToolExchange exchange) {
		return exchange.result().firstTask().filter((task) -> task.id() == exchange.taskId());
	}

	private static String knownTitle(long id, List<TaskItem> known) {
		return known.stream().filter((task) -> task.id() == id).map(TaskItem::title).reduce((a, b) -> b).orElse(null);
	}

	private String lines(List<TaskItem> tasks, boolean markDone) {
		return tasks.stream().map((task) -> {
			List<String> details = details(task);
			if (markDone && task.completed()) {
				details.addFirst("done");
			}
			return "#" + task.id() + " " + task.title()
					+ (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
		}).collect(Collectors.joining("\n"));
	}

	private List<String> details(TaskItem task) {
		List<String> details = new ArrayList<>();
		if (task.dueDate() != null) {
			details.add(((task.dueDate().isBefore(this.today) && !task.completed()) ? "overdue since " + task.dueDate()
					: due(task.dueDate())) + atTime(task.dueTime()));
		}
		if (task.repeats() != null) {
			details.add("repeats " + task.repeats());
		}
		if (task.reminds()) {
			details.add("with a reminder");
		}
		if (task.priority() != null && !task.priority().equals("medium")) {
			details.add(task.priority() + " priority");
		}
		task.tags().forEach((tag) -> details.add("#" + tag));
		return details;
	}

	/** The time of day a task is due, if it has one. */
	private static String atTime(LocalTime time) {
		return (time != null) ? " at " + time : "";
	}

	private String due(LocalDate date) {
		if (date.equals(this.today)) {
			return "due today";
		}
		if (date.equals(this.today.plusDays(1))) {
			return "due tomorrow";
		}
		return "due " + date;
	}

	private static String quote(ToolResult result) {
		return result.text().isEmpty() ? "Done." : "The todo service said: “" + result.text() + "”";
	}

	private static String capitalize(String text) {
		return text.startsWith("task ") ? "Task " + text.substring(5) : text;
	}

}
