package dev.todobot.core.tool;

import java.util.Map;

/**
 * The MCP tool contract in one place: the tools' names, their arguments' names and their
 * input schemas; the results are {@link ToolTask}, {@link TaskList}, {@link TaskResults}
 * and {@link ToolReminders} with their schemas. The mcp function builds its
 * {@code tools/list} from it, and the chat function's offline model calls the tools and
 * reads their results by it. A successful call carries its structured result; a failed
 * one is a text without it.
 */
public final class ToolContract {

	/**
	 * Adds a task: {@link #TITLE}, and optionally {@link #DESCRIPTION},
	 * {@link #DUE_DATE}, {@link #DUE_TIME}, {@link #REMIND_AT} or
	 * {@link #REMIND_BEFORE_MINUTES}, {@link #RECURRENCE}, {@link #PRIORITY},
	 * {@link #TAGS}.
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

	/** Completes the tasks {@link #IDS}, each on its own; a result per id. */
	public static final String COMPLETE_TASKS = "complete_tasks";

	/** Deletes the tasks {@link #IDS}, each on its own; a result per id. */
	public static final String DELETE_TASKS = "delete_tasks";

	/** Lists the user's reminders that came due and are not dismissed. */
	public static final String LIST_REMINDERS = "list_reminders";

	/** Task ids, 1 to 100, each once. */
	public static final String IDS = "ids";

	/** A task's id, as {@link ToolTask#id()} gives it. */
	public static final String TASK_ID = "task_id";

	public static final String TITLE = "title";

	public static final String DESCRIPTION = "description";

	/** A day as YYYY-MM-DD; {@code null} in an update removes it. */
	public static final String DUE_DATE = "due_date";

	/** A time of day as HH:mm in the user's zone; needs {@link #DUE_DATE}. */
	public static final String DUE_TIME = "due_time";

	/** The instant of a reminder, ISO-8601 with an offset. */
	public static final String REMIND_AT = "remind_at";

	/** A reminder this many minutes before the due time (09:00 without one). */
	public static final String REMIND_BEFORE_MINUTES = "remind_before_minutes";

	/** An RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO, counted from the due date. */
	public static final String RECURRENCE = "recurrence";

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
			    "due_time": {
			      "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
			      "description": "The time of day it is due, as HH:mm in the user's time zone; needs due_date"
			    },
			    "remind_at": {
			      "type": "string", "format": "date-time",
			      "description": "When to remind the user, as an ISO-8601 instant with offset such as 2030-05-03T08:00:00+02:00; or give remind_before_minutes instead"
			    },
			    "remind_before_minutes": {
			      "type": "integer", "minimum": 0, "maximum": 525600,
			      "description": "Remind the user this many minutes before the due time (09:00 when there is no due_time); 0 reminds at the due time; needs due_date"
			    },
			    "recurrence": {
			      "type": "string", "minLength": 1, "maxLength": 500,
			      "description": "Repeats the task: an RFC 5545 RRULE without 'RRULE:', counted from due_date (which it needs). FREQ=DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL, such as FREQ=DAILY;INTERVAL=3 (every 3 days), FREQ=WEEKLY;BYDAY=MO,WE, FREQ=MONTHLY;BYMONTHDAY=1 or FREQ=MONTHLY;BYDAY=-1FR. When one is done, the next is added"
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
			    "due_time": {
			      "type": ["string", "null"], "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
			      "description": "The new time of day it is due, as HH:mm in the user's time zone; null removes it"
			    },
			    "remind_at": {
			      "type": ["string", "null"], "format": "date-time",
			      "description": "The new reminder, as an ISO-8601 instant with offset; null removes the reminder"
			    },
			    "remind_before_minutes": {
			      "type": ["integer", "null"], "minimum": 0, "maximum": 525600,
			      "description": "Remind this many minutes before the due time (09:00 when there is no due_time) instead; null removes the reminder"
			    },
			    "recurrence": {
			      "type": ["string", "null"], "minLength": 1, "maxLength": 500,
			      "description": "The new RFC 5545 RRULE (as in add_task), counted from the due date; null stops the task repeating"
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

	/** The input schema of {@link #COMPLETE_TASKS}. */
	public static final String COMPLETE_TASKS_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "ids": {
			      "type": "array", "minItems": 1, "maxItems": 100, "uniqueItems": true,
			      "items": { "type": "integer", "minimum": 1 },
			      "description": "The ids of the tasks to mark done (1 to 100, each once), as list_tasks shows them; each is completed on its own, and the result tells for each id whether it was"
			    }
			  },
			  "required": ["ids"],
			  "additionalProperties": false
			}
			""";

	/** The input schema of {@link #DELETE_TASKS}. */
	public static final String DELETE_TASKS_INPUT = """
			{
			  "type": "object",
			  "properties": {
			    "ids": {
			      "type": "array", "minItems": 1, "maxItems": 100, "uniqueItems": true,
			      "items": { "type": "integer", "minimum": 1 },
			      "description": "The ids of the tasks to delete for good (1 to 100, each once), as list_tasks shows them; each is deleted on its own, and the result tells for each id whether it was"
			    }
			  },
			  "required": ["ids"],
			  "additionalProperties": false
			}
			""";

	/** The input schema of {@link #LIST_REMINDERS}. */
	public static final String LIST_REMINDERS_INPUT = """
			{
			  "type": "object",
			  "properties": {},
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
				DELETE_TASK, DELETE_TASK_INPUT, UPDATE_TASK, UPDATE_TASK_INPUT, COMPLETE_TASKS, COMPLETE_TASKS_INPUT,
				DELETE_TASKS, DELETE_TASKS_INPUT, LIST_REMINDERS, LIST_REMINDERS_INPUT);
	}

	/**
	 * Each tool's output schema, by the tool's name.
	 * @return the schemas
	 */
	public static Map<String, String> outputSchemas() {
		return Map.of(ADD_TASK, ToolTask.SCHEMA, LIST_TASKS, TaskList.SCHEMA, COMPLETE_TASK, ToolTask.SCHEMA,
				DELETE_TASK, ToolTask.SCHEMA, UPDATE_TASK, ToolTask.SCHEMA, COMPLETE_TASKS, TaskResults.SCHEMA,
				DELETE_TASKS, TaskResults.SCHEMA, LIST_REMINDERS, ToolReminders.SCHEMA);
	}

}
