package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.todobot.chat.offline.Command.AddTask;
import dev.todobot.chat.offline.Command.ChangeTask;
import dev.todobot.chat.offline.Command.Help;
import dev.todobot.chat.offline.Command.ListTasks;
import dev.todobot.chat.offline.Command.PickTask;
import dev.todobot.chat.offline.Command.Unclear;
import dev.todobot.chat.offline.Transcript.Turn;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides the offline model's next move from the conversation alone: the user's command,
 * read afresh on every call, and the tool results that came back since. A command by task
 * number is one tool call then a summary; a command by words from a title is a
 * {@code list_tasks} lookup first, then the call for the one task found (or a question
 * when none or several match), then a summary.
 */
final class OfflineAgent {

	static final String ADD_TASK = "add_task";

	static final String LIST_TASKS = "list_tasks";

	static final String COMPLETE_TASK = "complete_task";

	static final String DELETE_TASK = "delete_task";

	static final String UPDATE_TASK = "update_task";

	private final CommandParser parser = new CommandParser();

	Reply next(Transcript transcript, AvailableTools tools, LocalDate today) {
		ReplyWriter writer = new ReplyWriter(today);
		Turn turn = transcript.current();
		if (turn == null) {
			return new Reply.Text(writer.help(true));
		}
		Command command = this.parser.parse(turn.userText(), today);
		if (command instanceof PickTask pick) {
			command = picked(pick, transcript.previous(), today);
		}
		List<ToolExchange> exchanges = turn.exchanges();
		boolean lookedUp = command instanceof ChangeTask change && change.target() instanceof TaskRef.ByWords
				&& exchanges.size() == 1 && exchanges.getFirst().tool().equals(LIST_TASKS);
		if (lookedUp) {
			return resolve((ChangeTask) command, exchanges.getFirst(), tools, writer);
		}
		if (!exchanges.isEmpty()) {
			return new Reply.Text(writer.summary(exchanges.getLast(), known(transcript)));
		}
		return switch (command) {
			case AddTask add -> call(tools, writer, ADD_TASK, addArguments(add));
			case ListTasks list -> call(tools, writer, LIST_TASKS, listArguments(list));
			case ChangeTask change -> start(change, tools, writer);
			case Help help -> new Reply.Text(writer.help(help.understood()));
			case Unclear unclear -> new Reply.Text(writer.unclear(unclear.problem(), unclear.detail()));
			case PickTask pick -> new Reply.Text(writer.pickWithoutQuestion(pick.id()));
		};
	}

	/**
	 * A bare number answers "which one?" when the previous turn asked it: that turn's
	 * command by words, one lookup with several tasks, and no call after it. The command
	 * comes from the user's own earlier message, never from the tool results.
	 */
	private Command picked(PickTask pick, Turn previous, LocalDate today) {
		if (previous == null || previous.exchanges().size() != 1
				|| !previous.exchanges().getFirst().tool().equals(LIST_TASKS)
				|| previous.exchanges().getFirst().result().tasks().size() < 2) {
			return pick;
		}
		if (this.parser.parse(previous.userText(), today) instanceof ChangeTask change
				&& change.target() instanceof TaskRef.ByWords) {
			return change.on(new TaskRef.ById(pick.id()));
		}
		return pick;
	}

	private Reply start(ChangeTask change, AvailableTools tools, ReplyWriter writer) {
		String tool = tool(change);
		if (!tools.has(tool)) {
			return new Reply.Text(writer.toolMissing(tool));
		}
		return switch (change.target()) {
			case TaskRef.ById byId -> call(tools, writer, tool, changeArguments(change, byId.id()));
			case TaskRef.ByWords byWords -> call(tools, writer, LIST_TASKS, lookupArguments(change, byWords));
		};
	}

	private Reply resolve(ChangeTask change, ToolExchange lookup, AvailableTools tools, ReplyWriter writer) {
		ToolResult result = lookup.result();
		String words = ((TaskRef.ByWords) change.target()).words();
		if (result.error()) {
			return new Reply.Text(writer.summary(lookup, List.of()));
		}
		if (!result.list() && result.tasks().isEmpty()) {
			return new Reply.Text(writer.unreadableList(result));
		}
		List<TaskItem> candidates = result.tasks();
		List<TaskItem> exact = candidates.stream().filter((task) -> task.title().equalsIgnoreCase(words)).toList();
		if (exact.size() == 1) {
			candidates = exact;
		}
		if (candidates.isEmpty()) {
			return new Reply.Text(writer.notFound(change.change(), words));
		}
		if (candidates.size() > 1) {
			return new Reply.Text(writer.whichOne(change.change(), words, candidates));
		}
		return call(tools, writer, tool(change), changeArguments(change, candidates.getFirst().id()));
	}

	private static Reply call(AvailableTools tools, ReplyWriter writer, String tool, ObjectNode arguments) {
		if (!tools.has(tool)) {
			return new Reply.Text(writer.toolMissing(tool));
		}
		return new Reply.ToolCall(tool, tools.fit(tool, arguments));
	}

	private static String tool(ChangeTask change) {
		return switch (change.change()) {
			case COMPLETE -> COMPLETE_TASK;
			case DELETE -> DELETE_TASK;
			case REOPEN, UPDATE -> UPDATE_TASK;
		};
	}

	private static ObjectNode addArguments(AddTask add) {
		ObjectNode arguments = JsonMapper.shared().createObjectNode().put("title", add.title());
		putIfSet(arguments, "description", add.description());
		putIfSet(arguments, "due_date", (add.dueDate() != null) ? add.dueDate().toString() : null);
		putIfSet(arguments, "priority", add.priority());
		if (!add.tags().isEmpty()) {
			add.tags().forEach(arguments.putArray("tags")::add);
		}
		return arguments;
	}

	private static ObjectNode listArguments(ListTasks list) {
		ObjectNode arguments = JsonMapper.shared().createObjectNode();
		putIfSet(arguments, "status", list.status());
		putIfSet(arguments, "priority", list.priority());
		putIfSet(arguments, "tag", list.tag());
		putIfSet(arguments, "query", list.query());
		putIfSet(arguments, "due", list.due());
		if (list.limit() != null) {
			arguments.put("limit", list.limit());
		}
		return arguments;
	}

	/**
	 * Completing looks among open tasks and reopening among completed ones, so that "mark
	 * the milk done" is not ambiguous with yesterday's milk.
	 */
	private static ObjectNode lookupArguments(ChangeTask change, TaskRef.ByWords words) {
		String status = switch (change.change()) {
			case COMPLETE -> "pending";
			case REOPEN -> "completed";
			case DELETE, UPDATE -> "all";
		};
		return JsonMapper.shared().createObjectNode().put("status", status).put("query", words.words());
	}

	private static ObjectNode changeArguments(ChangeTask change, long id) {
		ObjectNode arguments = JsonMapper.shared().createObjectNode().put("task_id", id);
		switch (change.change()) {
			case REOPEN -> arguments.put("completed", false);
			case UPDATE -> {
				putIfSet(arguments, "title", change.title());
				putIfSet(arguments, "due_date", (change.dueDate() != null) ? change.dueDate().toString() : null);
				putIfSet(arguments, "priority", change.priority());
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
	 * The tasks seen in the previous turn and in this one before its last call, oldest
	 * first: what they were called before that call changed them.
	 */
	private static List<TaskItem> known(Transcript transcript) {
		List<ToolExchange> exchanges = new ArrayList<>();
		if (transcript.previous() != null) {
			exchanges.addAll(transcript.previous().exchanges());
		}
		List<ToolExchange> current = transcript.current().exchanges();
		exchanges.addAll(current.subList(0, current.size() - 1));
		return exchanges.stream().flatMap((exchange) -> exchange.result().tasks().stream()).toList();
	}

}
