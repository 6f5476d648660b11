package dev.todobot.core.task;

import dev.todobot.core.error.InvalidInputException;

/**
 * Which of a user's tasks to list, in which order, and which page.
 *
 * @param status which tasks by completion; {@code null} for all
 * @param priority only tasks of this priority, or {@code null}
 * @param tag only tasks with this tag, or {@code null}
 * @param text only tasks whose title or description contains this, ignoring case, or
 * {@code null}
 * @param due only tasks due in this window, or {@code null}
 * @param sort the order; {@code null} for newest first
 * @param limit tasks per page, 1 to 100; {@code null} for 50
 * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the
 * first
 */
public record TaskQuery(Status status, Priority priority, String tag, String text, Due due, Sort sort, Integer limit,
		String cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 100;

	private static final int MAX_TEXT = 200;

	public TaskQuery {
		status = (status != null) ? status : Status.ALL;
		sort = (sort != null) ? sort : Sort.CREATED;
		tag = (tag != null && !tag.isBlank()) ? TaskRules.tag("tag", tag) : null;
		text = (text != null && !text.isBlank()) ? text.strip() : null;
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidInputException("q", "the search text must be at most " + MAX_TEXT + " characters");
		}
		limit = (limit != null) ? limit : DEFAULT_LIMIT;
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
		}
		cursor = (cursor != null && !cursor.isBlank()) ? cursor : null;
	}

	/**
	 * All tasks, newest first, first page.
	 * @return the query
	 */
	public static TaskQuery all() {
		return new TaskQuery(null, null, null, null, null, null, null, null);
	}

	/**
	 * A fingerprint of the filters and order, which a cursor is bound to.
	 */
	String fingerprint() {
		return String.join("|", this.status.name(), String.valueOf(this.priority), String.valueOf(this.tag),
				String.valueOf(this.text), String.valueOf(this.due), this.sort.name());
	}

	/** Which tasks by completion. */
	public enum Status {

		ALL, PENDING, COMPLETED

	}

	/** Due-date windows, counted in UTC days. */
	public enum Due {

		/** Not completed and due before today. */
		OVERDUE,
		/** Due today. */
		TODAY,
		/** Due today or in the six days after. */
		WEEK

	}

	/** Orders; ties go newest first. */
	public enum Sort {

		/** Newest first. */
		CREATED,
		/** Soonest due first, undated last. */
		DUE,
		/** Most urgent first. */
		PRIORITY

	}

}
