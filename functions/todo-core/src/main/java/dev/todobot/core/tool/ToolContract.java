package dev.todobot.core.tool;

import java.util.Map;

/**
 * The MCP tool contract in one place: the tools' names, their arguments' names and their
 * input schemas; the results are {@link ToolTask} and {@link TaskList} with their
 * schemas. The mcp function builds its {@code tools/list} from it, and the chat
 * function's offline model calls the tools and reads their results by it. A successful
 * call carries its structured result; a failed one is a text without it.
 */
public final class ToolContract {

	/**
	 * Adds a task: {@link #TITLE}, and optionally {@link #DESCRIPTION},
	 * {@link #DUE_DATE}, {@link #PRIORITY}, {@link #TAGS}.
	 */
	public static final String ADD_TASK = "add_task";

	/**
	 * Lists tasks, filtered by {@link #STATUS}, {@link #PRIORITY}, {@link #TAG},
	 * {@link #QUERY}, {@link #DUE}, {@link #LIMIT}.
	 */
	public static final String LIST_TASKS = "list_tasks";

	/** Completes the task {@link #TASK_ID}. */
	public static final String COMPLETE_TASK = "complete_task";

	/** Deletes the task {@link #TASK_ID}. */
	public static final String DELETE_TASK = "delete_task";

	/** Changes the given fields of the task {@link #TASK_ID}. */
	public static final String UPDATE_TASK = "update_task";

	/** A task's id, as {@link ToolTask#id()} gives it. */
	public static final String TASK_ID = "task_id";

	public static final String TITLE = "title";

	public static final String DESCRIPTION = "description";

	/** A day as YYYY-MM-DD; {@code null} in an update removes it. */
	public static final String DUE_DATE = "due_date";

	/** low, medium or high. */
	public static final String PRIORITY = "priority";

	/** Lower-case words; in an update they replace the task's tags. */
	public static final String TAGS = "tags";

	/** {@code true} marks a task done, {@code false} opens it again. */
	public static final String COMPLETED = "completed";

	/** The version a change is based on. */
	public static final String VERSION = "version";

	/** all, pending or completed. */
	public static final String STATUS = "status";

	/** One tag to list by. */
	public static final String TAG = "tag";

	/** Text in a title or description. */
	public static final String QUERY = "query";

	/** overdue, today or week. */
	public static final String DUE = "due";

	/** At most this many tasks, 1 to 100. */
	public static final String LIMIT = "limit";

	/** The input schema of {@link #ADD_TASK}. */
	public static final String ADD_TASK_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "title": {
			      "type": "string", "minLength": 1, "maxLength": 200,
			      "description": "What to do, in a few words, such as \\"Buy milk\\" (1 to 200 characters)"
			    },
			    "description": {
			      "type": "string", "maxLength": 4000,
			      "description": "Optional details (up to 4000 characters)"
			    },
			    "due_date": {
			      "type": "string", "format": "date",
			      "description": "The day it is due, as YYYY-MM-DD; turn words like \\"tomorrow\\" into a date first"
			    },
			    "priority": {
			      "type": "string", "enum": ["low", "medium", "high"], "default": "medium",
			      "description": "How urgent it is; medium when not given"
			    },
			    "tags": {
			      "type": "array", "maxItems": 10, "items": { "type": "string", "minLength": 1, "maxLength": 33 },
			      "description": "Up to 10 one-word labels such as \\"work\\" or \\"shopping\\" (letters, digits, - and _; kept lower-case)"
			    }
			  },
			  "required": ["title"],
			  "additionalProperties": false
			}
			""";

	/** The input schema of {@link #LIST_TASKS}. */
	public static final String LIST_TASKS_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "status": {
			      "type": "string", "enum": ["all", "pending", "completed"], "default": "all",
			      "description": "pending: not done yet; completed: done; all when not given"
			    },
			    "priority": {
			      "type": "string", "enum": ["low", "medium", "high"],
			      "description": "Only tasks of this priority"
			    },
			    "tag": {
			      "type": "string", "maxLength": 33,
			      "description": "Only tasks with this tag"
			    },
			    "query": {
			      "type": "string", "maxLength": 200,
			      "description": "Only tasks whose title or description contains this text, ignoring case"
			    },
			    "due": {
			      "type": "string", "enum": ["overdue", "today", "week"],
			      "description": "overdue: not done and due before today; today: due today; week: due today or in the next 6 days"
			    },
			    "limit": {
			      "type": "integer", "minimum": 1, "maximum": 100, "default": 50,
			      "description": "At most this many tasks (1 to 100, 50 when not given)"
			    }
			  },
			  "additionalProperties": false
			}
			""";

	/** The input schema of {@link #COMPLETE_TASK}. */
	public static final String COMPLETE_TASK_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "task_id": { "type": "integer", "minimum": 1, "description": "The task's id, as list_tasks shows it" },
			    "version": {
			      "type": "integer", "minimum": 0,
			      "description": "The task's version as you last read it; when the task has changed since, nothing is changed and you are told so. Leave it out to complete the task whatever its version"
			    }
			  },
			  "required": ["task_id"],
			  "additionalProperties": false
			}
			""";

	/** The input schema of {@link #DELETE_TASK}. */
	public static final String DELETE_TASK_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "task_id": { "type": "integer", "minimum": 1, "description": "The task's id, as list_tasks shows it" }
			  },
			  "required": ["task_id"],
			  "additionalProperties": false
			}
			""";

	/** The input schema of {@link #UPDATE_TASK}. */
	public static final String UPDATE_TASK_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "task_id": { "type": "integer", "minimum": 1, "description": "The task's id, as list_tasks shows it" },
			    "title": { "type": "string", "minLength": 1, "maxLength": 200, "description": "The new title" },
			    "description": {
			      "type": "string", "maxLength": 4000,
			      "description": "The new details; an empty text removes them"
			    },
			    "due_date": {
			      "type": ["string", "null"], "format": "date",
			      "description": "The new due day as YYYY-MM-DD; null removes the due date"
			    },
			    "priority": { "type": "string", "enum": ["low", "medium", "high"], "description": "The new priority" },
			    "tags": {
			      "type": "array", "maxItems": 10, "items": { "type": "string", "minLength": 1, "maxLength": 33 },
			      "description": "The new tags, replacing all old ones; an empty list removes them"
			    },
			    "completed": { "type": "boolean", "description": "true marks the task done, false opens it again" },
			    "version": {
			      "type": "integer", "minimum": 0,
			      "description": "The task's version as you last read it; when the task has changed since, nothing is changed and you are told so. Leave it out to change the task whatever its version"
			    }
			  },
			  "required": ["task_id"],
			  "additionalProperties": false
			}
			""";

	private ToolContract() {
	}

	/**
	 * Each tool's input schema, by the tool's name.
	 * @return the schemas
	 */
	public static Map<String, String> inputSchemas() {
		return Map.of(ADD_TASK, ADD_TASK_INPUT, LIST_TASKS, LIST_TASKS_INPUT, COMPLETE_TASK, COMPLETE_TASK_INPUT,
				DELETE_TASK, DELETE_TASK_INPUT, UPDATE_TASK, UPDATE_TASK_INPUT);
	}

	/**
	 * Each tool's output schema, by the tool's name.
	 * @return the schemas
	 */
	public static Map<String, String> outputSchemas() {
		return Map.of(ADD_TASK, ToolTask.SCHEMA, LIST_TASKS, TaskList.SCHEMA, COMPLETE_TASK, ToolTask.SCHEMA,
				DELETE_TASK, ToolTask.SCHEMA, UPDATE_TASK, ToolTask.SCHEMA);
	}

}
