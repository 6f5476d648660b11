package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.todobot.core.tool.TaskList;
import dev.todobot.core.tool.ToolContract;
import dev.todobot.core.tool.ToolReminders;
import dev.todobot.core.tool.ToolTask;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a tool result's text by the tool contract ({@link ToolContract}). langchain4j-mcp
 * puts an MCP result's {@code structuredContent} into that text as compact JSON and uses
 * the text content only when there is none. Every successful call of the mcp function
 * carries a structured result, a {@link TaskList} or a {@link ToolTask}, so a result is
 * read as one of those records, and a result without one is an error: the flag
 * {@code isError} arrives on the synchronous path but not on the streaming one, and a
 * client timeout arrives as plain text. JSON in other shapes (another MCP server's tools)
 * is searched for task objects wherever they sit.
 */
final class ToolResultReader {

	private static final int MAX_TEXT = 500;

	private static final int MAX_TITLE = 200;

	private static final List<String> LIST_FIELDS = List.of("items", "tasks", "results", "data");

	private ToolResultReader() {
	}

	static ToolResult read(ToolExecutionResultMessage message) {
		String raw = (message.text() != null) ? message.text().strip() : "";
		JsonNode json = parse(raw);
		String text = clean(raw, MAX_TEXT);
		boolean error = Boolean.TRUE.equals(message.isError()) || json == null || isError(json);
		if (error) {
			return new ToolResult(text, json != null, true, errorMessage(text, json), List.of(), false, false);
		}
		TaskList list = contract(json, TaskList.class, "tasks", "count", "has_more");
		if (list != null) {
			return new ToolResult(text, true, false, "", list.tasks().stream().map(ToolResultReader::item).toList(),
					true, list.hasMore());
		}
		ToolReminders reminders = contract(json, ToolReminders.class, "reminders");
		if (reminders != null) {
			return new ToolResult(text, true, false, "",
					reminders.reminders().stream().map(ToolResultReader::item).toList(), true, false);
		}
		ToolTask task = contract(json, ToolTask.class, "id", "title", "completed", "version");
		if (task != null) {
			return new ToolResult(text, true, false, "", List.of(item(task)), false, false);
		}
		List<TaskItem> tasks = new ArrayList<>();
		collectTasks(json, tasks);
		return new ToolResult(text, true, false, "", tasks, isList(json), hasNextPage(json));
	}

	/**
	 * Cleans text taken from a tool result for showing it: no control characters, no line
	 * breaks, not too long.
	 * @param text any text
	 * @param max the most characters to keep
	 * @return the cleaned text
	 */
	static String clean(String text, int max) {
		String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return (flat.length() > max) ? flat.substring(0, max).strip() + "…" : flat;
	}

	private static JsonNode parse(String text) {
		JsonNode whole = tryParse(text);
		if (whole != null) {
			return whole;
		}
		// some servers put a sentence before the JSON ("Found 2 tasks: [...]")
		int start = firstOf(text, '{', '[');
		int end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
		return (start >= 0 && end > start) ? tryParse(text.substring(start, end + 1)) : null;
	}

	private static JsonNode tryParse(String text) {
		if (!text.startsWith("{") && !text.startsWith("[")) {
			return null;
		}
		try {
			return JsonMapper.shared().readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static int firstOf(String text, char a, char b) {
		int i = text.indexOf(a);
		int j = text.indexOf(b);
		return (i < 0) ? j : (j < 0) ? i : Math.min(i, j);
	}

	/**
	 * Reads JSON as one of the contract's records when it has the record's fields.
	 */
	private static <T> T contract(JsonNode json, Class<T> type, String... fields) {
		for (String field : fields) {
			if (!json.has(field)) {
				return null;
			}
		}
		try {
			return JsonMapper.shared().treeToValue(json, type);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static TaskItem item(ToolTask task) {
		return new TaskItem(task.id(), clean(task.title(), MAX_TITLE), task.completed(), task.dueDate(),
				task.priority(), (task.tags() != null) ? task.tags() : List.of(), task.dueTime(),
				(task.recurrenceText() != null) ? clean(task.recurrenceText(), MAX_TITLE) : null,
				task.remindAt() != null && task.remindedAt() == null && !task.completed());
	}

	/**
	 * A reminder, as the task it reminds of when it came due.
	 */
	private static TaskItem item(ToolReminders.Reminder reminder) {
		return new TaskItem((reminder.taskId() != null) ? reminder.taskId() : reminder.id(),
				clean(reminder.title(), MAX_TITLE), false, reminder.dueDate(), null, List.of(), reminder.dueTime(),
				null, false);
	}

	private static boolean isError(JsonNode json) {
		if (!json.isObject()) {
			return false;
		}
		if (json.path("isError").asBoolean(false)) {
			return true;
		}
		JsonNode error = json.get("error");
		if (error != null && !error.isNull() && !(error.isBoolean() && !error.booleanValue())) {
			return true;
		}
		// application/problem+json
		return json.path("status").asInt(0) >= 400 && (json.has("detail") || json.has("title"));
	}

	private static String errorMessage(String text, JsonNode json) {
		if (json != null && json.isObject()) {
			for (String field : List.of("detail", "message", "error", "title")) {
				JsonNode node = json.get(field);
				if (node != null && node.isString() && !node.stringValue().isBlank()) {
					return clean(node.stringValue(), MAX_TEXT);
				}
				if (node != null && node.isObject() && node.path("message").isString()) {
					return clean(node.path("message").stringValue(), MAX_TEXT);
				}
			}
		}
		return text.isEmpty() ? "the todo service gave no reason" : text;
	}

	private static boolean isList(JsonNode json) {
		if (json.isArray()) {
			return true;
		}
		for (String field : LIST_FIELDS) {
			if (json.path(field).isArray()) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasNextPage(JsonNode json) {
		if (json.path("has_more").asBoolean(false) || json.path("hasMore").asBoolean(false)) {
			return true;
		}
		for (String field : List.of("nextCursor", "next_cursor")) {
			JsonNode next = json.get(field);
			if (next != null && !next.isNull() && !next.asString("").isBlank()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Depth first, in document order; a task's own fields are not searched for more
	 * tasks.
	 */
	private static void collectTasks(JsonNode node, List<TaskItem> tasks) {
		if (node.isObject()) {
			TaskItem task = task(node);
			if (task != null) {
				tasks.add(task);
				return;
			}
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				collectTasks(field.getValue(), tasks);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collectTasks(element, tasks);
			}
		}
	}

	private static TaskItem task(JsonNode node) {
		JsonNode id = first(node, "id", "task_id", "taskId");
		JsonNode title = node.get("title");
		if (id == null || title == null || !title.isString()) {
			return null;
		}
		long number;
		if (id.isIntegralNumber() && id.canConvertToLong()) {
			number = id.longValue();
		}
		else if (id.isString() && id.stringValue().matches("\\d{1,18}")) {
			number = Long.parseLong(id.stringValue());
		}
		else {
			return null;
		}
		return new TaskItem(number, clean(title.stringValue(), MAX_TITLE), completed(node), dueDate(node),
				priority(node), tags(node));
	}

	private static boolean completed(JsonNode node) {
		JsonNode completed = first(node, "completed", "done");
		if (completed != null) {
			return completed.asBoolean(false);
		}
		String status = node.path("status").asString("").toLowerCase(Locale.ROOT);
		return status.equals("completed") || status.equals("done");
	}

	private static LocalDate dueDate(JsonNode node) {
		JsonNode due = first(node, "dueDate", "due_date", "due");
		if (due == null || !due.isString() || due.stringValue().length() < 10) {
			return null;
		}
		try {
			return LocalDate.parse(due.stringValue().substring(0, 10));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String priority(JsonNode node) {
		String priority = node.path("priority").asString("").toLowerCase(Locale.ROOT);
		return priority.matches("low|medium|high") ? priority : null;
	}

	private static List<String> tags(JsonNode node) {
		JsonNode tags = node.get("tags");
		List<String> words = new ArrayList<>();
		if (tags != null && tags.isArray()) {
			for (JsonNode tag : tags) {
				if (tag.isString() && !tag.stringValue().isBlank()) {
					words.add(clean(tag.stringValue(), 32));
				}
			}
		}
		else if (tags != null && tags.isString()) {
			for (String tag : tags.stringValue().split("[,\\s]+")) {
				if (!tag.isBlank()) {
					words.add(clean(tag, 32));
				}
			}
		}
		return words;
	}

	private static JsonNode first(JsonNode node, String... fields) {
		for (String field : fields) {
			JsonNode value = node.get(field);
			if (value != null && !value.isNull()) {
				return value;
			}
		}
		return null;
	}

}
