package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.todobot.chat.offline.Command.AddTask;
import dev.todobot.core.recurrence.Recurrence;
import dev.todobot.chat.offline.Command.AskTask;
import dev.todobot.chat.offline.Command.ChangeTask;
import dev.todobot.chat.offline.Command.Fields;
import dev.todobot.chat.offline.Command.Help;
import dev.todobot.chat.offline.Command.ListTasks;
import dev.todobot.chat.offline.Command.PickTask;
import dev.todobot.chat.offline.Command.SmallTalk;
import dev.todobot.chat.offline.Command.Unclear;
import dev.todobot.chat.offline.Transcript.Turn;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.todobot.core.tool.ToolContract.ADD_TASK;
import static dev.todobot.core.tool.ToolContract.COMPLETED;
import static dev.todobot.core.tool.ToolContract.COMPLETE_TASK;
import static dev.todobot.core.tool.ToolContract.DELETE_TASK;
import static dev.todobot.core.tool.ToolContract.DESCRIPTION;
import static dev.todobot.core.tool.ToolContract.DUE;
import static dev.todobot.core.tool.ToolContract.DUE_DATE;
import static dev.todobot.core.tool.ToolContract.DUE_TIME;
import static dev.todobot.core.tool.ToolContract.LIMIT;
import static dev.todobot.core.tool.ToolContract.LIST_REMINDERS;
import static dev.todobot.core.tool.ToolContract.LIST_TASKS;
import static dev.todobot.core.tool.ToolContract.PRIORITY;
import static dev.todobot.core.tool.ToolContract.RECURRENCE;
import static dev.todobot.core.tool.ToolContract.REMIND_BEFORE_MINUTES;
import static dev.todobot.core.tool.ToolContract.QUERY;
import static dev.todobot.core.tool.ToolContract.STATUS;
import static dev.todobot.core.tool.ToolContract.TAG;
import static dev.todobot.core.tool.ToolContract.TAGS;
import static dev.todobot.core.tool.ToolContract.TASK_ID;
import static dev.todobot.core.tool.ToolContract.TITLE;
import static dev.todobot.core.tool.ToolContract.UPDATE_TASK;

/**
 * Decides the offline model's next move from the conversation alone: the user's message,
 * read afresh on every call into one or more commands, and the tool results that came
 * back since, which are matched to those commands in order. A command by task number is
 * one tool call; a command by words from a title is a {@code list_tasks} lookup first
 * (with the words as query, then, when that finds nothing, the whole list to match word
 * by word), then the call for the one task found, or a question when several match as
 * well. Once every command has had its calls, the answer sums them up.
 */
final class OfflineAgent {

	private static final int WHOLE_LIST = 100;

	/**
	 * When a reminder goes out for a task due on a day without a time, as the todo
	 * service has it.
	 */
	private static final LocalTime DEFAULT_REMINDER_TIME = LocalTime.of(9, 0);

	private final CommandParser parser = new CommandParser();

	Reply next(Transcript transcript, AvailableTools tools, LocalDateTime now) {
		LocalDate today = now.toLocalDate();
		ReplyWriter writer = new ReplyWriter(today);
		Turn turn = transcript.current();
		if (turn == null) {
			return new Reply.Text(writer.help(true));
		}
		List<Command> commands = commands(turn.userText(), transcript.previous(), today).stream()
			.map((command) -> (command instanceof AddTask add) ? onItsDay(add, now) : command)
			.toList();
		Deque<ToolExchange> results = new ArrayDeque<>(turn.exchanges());
		List<TaskItem> known = new ArrayList<>();
		if (transcript.previous() != null) {
			transcript.previous().exchanges().forEach((exchange) -> known.addAll(exchange.result().tasks()));
		}
		Run run = new Run(tools, writer, results, known);
		List<String> said = new ArrayList<>();
		for (Command command : commands) {
			Reply reply = step(command, run);
			if (reply instanceof Reply.ToolCall) {
				return reply;
			}
			said.add(((Reply.Text) reply).text());
		}
		return new Reply.Text(String.join("\n", said));
	}

	/**
	 * What this turn asks for. A short answer to "which one?" (a number, or words such as
	 * "the bank one") continues the previous turn's command; that command comes from the
	 * user's own earlier message, never from the tool results.
	 */
	private List<Command> commands(String text, Turn previous, LocalDate today) {
		List<Command> commands = this.parser.parseAll(text, today);
		ChangeTask asked = askedWhichOne(previous, today);
		if (asked == null) {
			return commands;
		}
		if (commands.size() == 1 && commands.getFirst() instanceof PickTask pick) {
			return List.of(asked.on(new TaskRef.ById(pick.id())));
		}
		List<TaskItem> offered = TitleWords.best(((TaskRef.ByWords) asked.target()).words(),
				previous.exchanges().getLast().result().tasks());
		List<TaskItem> chosen = TitleWords.best(text, offered);
		// only words that are no command of their own: "add buy milk" after "which one?"
		// adds a task, even though "buy milk" was one of the choices
		boolean noCommand = commands.size() == 1
				&& (commands.getFirst() instanceof Command.Help help && !help.understood());
		if (chosen.size() == 1 && noCommand) {
			return List.of(asked.on(new TaskRef.ById(chosen.getFirst().id())));
		}
		return commands;
	}

	/**
	 * The previous turn's command when that turn ended on a lookup that found several
	 * tasks.
	 */
	private ChangeTask askedWhichOne(Turn previous, LocalDate today) {
		if (previous == null || previous.exchanges().isEmpty()
				|| !previous.exchanges().stream().allMatch((exchange) -> exchange.tool().equals(LIST_TASKS))
				|| previous.exchanges().getLast().result().tasks().size() < 2) {
			return null;
		}
		List<Command> earlier = this.parser.parseAll(previous.userText(), today);
		if (earlier.size() == 1 && earlier.getFirst() instanceof ChangeTask change
				&& change.target() instanceof TaskRef.ByWords) {
			return change;
		}
		return null;
	}

	/**
	 * A task with a time or a reminder but no day is due at that time's next coming:
	 * "remind me at 8 to stretch" is today's 8:00 while it is ahead, else tomorrow's.
	 */
	private static AddTask onItsDay(AddTask add, LocalDateTime now) {
		LocalDate today = now.toLocalDate();
		boolean passed = add.dueTime() != null && !add.dueTime().isAfter(now.toLocalTime());
		if (add.dueDate() == null && add.dueTime() != null) {
			return on(add, passed ? today.plusDays(1) : today);
		}
		// "every day at 8" said at ten starts tomorrow, not with a reminder already late
		if (add.recurrence() != null && today.equals(add.dueDate()) && passed) {
			return Recurrence.parse(add.recurrence()).nextAfter(today, today).map((next) -> on(add, next)).orElse(add);
		}
		return add;
	}

	private static AddTask on(AddTask add, LocalDate day) {
		return new AddTask(add.title(), add.description(), day, add.priority(), add.tags(), add.dueTime(),
				add.recurrence(), add.remindBeforeMinutes());
	}

	private Reply step(Command command, Run run) {
		return switch (command) {
			case AddTask add -> run.callOrSum(ADD_TASK, addArguments(add));
			case Command.ListTasks list -> run.callOrSum(LIST_TASKS, listArguments(list));
			case Command.ListReminders reminders ->
				run.callOrSum(LIST_REMINDERS, JsonMapper.shared().createObjectNode());
			case ChangeTask change -> change(change, run);
			case AskTask ask -> ask(ask, run);
			case SmallTalk talk -> new Reply.Text(run.writer.smallTalk(talk.kind()));
			case Help help -> new Reply.Text(run.writer.help(help.understood()));
			case Unclear unclear -> new Reply.Text(run.writer.unclear(unclear.problem(), unclear.detail()));
			case PickTask pick -> new Reply.Text(run.writer.pickWithoutQuestion(pick.id()));
		};
	}

	private Reply change(ChangeTask change, Run run) {
		String tool = tool(change);
		if (!run.tools.has(tool)) {
			return new Reply.Text(run.writer.toolMissing(tool));
		}
		return switch (change.target()) {
			case TaskRef.ById byId -> run.callOrSum(tool, changeArguments(change, byId.id(), null));
			case TaskRef.ByWords byWords -> {
				Found found = find(byWords.words(), lookupStatus(change), run);
				if (found.reply() != null) {
					yield found.reply();
				}
				if (found.tasks().isEmpty()) {
					yield new Reply.Text(run.writer.notFound(change.change(), byWords.words()));
				}
				if (found.tasks().size() > 1) {
					yield new Reply.Text(run.writer.whichOne(change.change(), byWords.words(), found.tasks()));
				}
				TaskItem task = found.tasks().getFirst();
				yield run.callOrSum(tool, changeArguments(change, task.id(), task));
			}
		};
	}

	private Reply ask(AskTask ask, Run run) {
		return switch (ask.target()) {
			case TaskRef.ById byId -> {
				Found found = find(null, "all", run);
				if (found.reply() != null) {
					yield found.reply();
				}
				List<TaskItem> task = found.tasks().stream().filter((item) -> item.id() == byId.id()).toList();
				yield new Reply.Text(run.writer.status("task " + byId.id(), task));
			}
			case TaskRef.ByWords byWords -> {
				Found found = find(byWords.words(), "all", run);
				yield (found.reply() != null) ? found.reply()
						: new Reply.Text(run.writer.status(byWords.words(), found.tasks()));
			}
		};
	}

	/**
	 * Finds the tasks the words name: a lookup by query, and when that finds nothing for
	 * words that a query cannot match as a whole ("the bank call", "watered the plants"),
	 * the whole list, matched word by word.
	 * @param words the user's words, or {@code null} for the whole list
	 * @return the best matches, or the reply to give now (a lookup to make, or a failed
	 * one)
	 */
	private Found find(String words, String status, Run run) {
		if (!run.tools.has(LIST_TASKS)) {
			return new Found(List.of(), new Reply.Text(run.writer.toolMissing(LIST_TASKS)));
		}
		ObjectNode query = JsonMapper.shared().createObjectNode().put(STATUS, status);
		if (words != null) {
			query.put(QUERY, words);
		}
		else {
			query.put(LIMIT, WHOLE_LIST);
		}
		ToolExchange lookup = run.results.poll();
		if (lookup == null) {
			return new Found(List.of(), run.call(LIST_TASKS, query));
		}
		Found first = found(words, lookup, run, true);
		boolean wordByWord = words != null && first.reply() == null && first.tasks().isEmpty()
				&& !TitleWords.stems(words).equals(Set.of(words.toLowerCase(Locale.ROOT)));
		if (!wordByWord) {
			return first;
		}
		ToolExchange whole = run.results.poll();
		if (whole == null) {
			return new Found(List.of(), run.call(LIST_TASKS,
					JsonMapper.shared().createObjectNode().put(STATUS, status).put(LIMIT, WHOLE_LIST)));
		}
		return found(words, whole, run, false);
	}

	/**
	 * @param queried whether the lookup searched for the words: then its tasks hold them,
	 * even where no word of a title matches on its own ("milk" in "buttermilk")
	 */
	private static Found found(String words, ToolExchange lookup, Run run, boolean queried) {
		run.known.addAll(lookup.result().tasks());
		ToolResult result = lookup.result();
		if (result.error()) {
			return new Found(List.of(), new Reply.Text(run.writer.summary(lookup, List.of())));
		}
		if (!result.list() && result.tasks().isEmpty()) {
			return new Found(List.of(), new Reply.Text(run.writer.unreadableList(result)));
		}
		if (words == null) {
			return new Found(result.tasks(), null);
		}
		List<TaskItem> best = TitleWords.best(words, result.tasks());
		return new Found((best.isEmpty() && queried) ? result.tasks() : best, null);
	}

	private static String tool(ChangeTask change) {
		return switch (change.change()) {
			case COMPLETE -> COMPLETE_TASK;
			case DELETE -> DELETE_TASK;
			case REOPEN, UPDATE -> UPDATE_TASK;
		};
	}

	/**
	 * Completing looks among open tasks and reopening among completed ones, so that "mark
	 * the milk done" is not ambiguous with yesterday's milk.
	 */
	private static String lookupStatus(ChangeTask change) {
		return switch (change.change()) {
			case COMPLETE -> "pending";
			case REOPEN -> "completed";
			case DELETE, UPDATE -> "all";
		};
	}

	private static ObjectNode addArguments(AddTask add) {
		ObjectNode arguments = JsonMapper.shared().createObjectNode().put(TITLE, add.title());
		putIfSet(arguments, DESCRIPTION, add.description());
		putIfSet(arguments, DUE_DATE, (add.dueDate() != null) ? add.dueDate().toString() : null);
		putIfSet(arguments, PRIORITY, add.priority());
		if (!add.tags().isEmpty()) {
			add.tags().forEach(arguments.putArray(TAGS)::add);
		}
		putIfSet(arguments, DUE_TIME, (add.dueTime() != null) ? add.dueTime().toString() : null);
		putIfSet(arguments, RECURRENCE, add.recurrence());
		if (add.remindBeforeMinutes() != null) {
			arguments.put(REMIND_BEFORE_MINUTES, add.remindBeforeMinutes());
		}
		return arguments;
	}

	private static ObjectNode listArguments(Command.ListTasks list) {
		ObjectNode arguments = JsonMapper.shared().createObjectNode();
		putIfSet(arguments, STATUS, list.status());
		putIfSet(arguments, PRIORITY, list.priority());
		putIfSet(arguments, TAG, list.tag());
		putIfSet(arguments, QUERY, list.query());
		putIfSet(arguments, DUE, list.due());
		if (list.limit() != null) {
			arguments.put(LIMIT, list.limit());
		}
		return arguments;
	}

	/**
	 * @param task the task as the lookup found it, for the tags a tag change starts from;
	 * {@code null} when it was named by number
	 */
	private static ObjectNode changeArguments(ChangeTask change, long id, TaskItem task) {
		ObjectNode arguments = JsonMapper.shared().createObjectNode().put(TASK_ID, id);
		switch (change.change()) {
			case REOPEN -> arguments.put(COMPLETED, false);
			case UPDATE -> {
				Fields fields = change.fields();
				putIfSet(arguments, TITLE, fields.title());
				putIfSet(arguments, DUE_DATE, (fields.dueDate() != null) ? fields.dueDate().toString() : null);
				putIfSet(arguments, DUE_TIME, (fields.dueTime() != null) ? fields.dueTime().toString() : null);
				if (fields.clearDue()) {
					arguments.putNull(DUE_DATE);
				}
				putIfSet(arguments, PRIORITY, fields.priority());
				putIfSet(arguments, DESCRIPTION, fields.description());
				if (fields.changesTags()) {
					List<String> tags = new ArrayList<>((task != null) ? task.tags() : List.of());
					fields.addTags().stream().filter((tag) -> !tags.contains(tag)).forEach(tags::add);
					tags.removeAll(fields.removeTags());
					tags.forEach(arguments.putArray(TAGS)::add);
				}
			}
			case COMPLETE, DELETE -> {
			}
		}
		return arguments;
	}

	private static void putIfSet(ObjectNode arguments, String field, String value) {
		if (value != null) {
			arguments.put(field, value);
		}
	}

	/**
	 * The tasks a lookup found, or what to answer instead.
	 */
	private record Found(List<TaskItem> tasks, Reply reply) {
	}

	/**
	 * One pass over a turn: the tool results not yet matched to a command, and the tasks
	 * seen so far (for the titles of summaries).
	 */
	private record Run(AvailableTools tools, ReplyWriter writer, Deque<ToolExchange> results, List<TaskItem> known) {

		/**
		 * The call when it has not been made yet, else the summary of its result.
		 */
		Reply callOrSum(String tool, ObjectNode arguments) {
			ToolExchange done = this.results.poll();
			if (done == null) {
				return call(tool, arguments);
			}
			String summary = this.writer.summary(done, List.copyOf(this.known));
			this.known.addAll(done.result().tasks());
			return new Reply.Text(summary);
		}

		Reply call(String tool, ObjectNode arguments) {
			if (!this.tools.has(tool)) {
				return new Reply.Text(this.writer.toolMissing(tool));
			}
			return new Reply.ToolCall(tool, this.tools.fit(tool, arguments));
		}

	}

}
