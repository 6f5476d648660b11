package dev.todobot.core.task;

import java.util.Locale;

import dev.todobot.core.error.InvalidInputException;

/**
 * How urgent a task is. Stored as its {@link #rank()}, so that sorting by rank sorts by
 * urgency.
 */
public enum Priority {

	LOW(1), MEDIUM(2), HIGH(3);

	private final int rank;

	Priority(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return this.rank;
	}

	/**
	 * The lower-case name used on the wire.
	 * @return low, medium or high
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Priority ofRank(int rank) {
		for (Priority priority : values()) {
			if (priority.rank == rank) {
				return priority;
			}
		}
		throw new IllegalStateException("No priority of rank " + rank);
	}

	/**
	 * Reads a wire name.
	 * @param field the name of the field it came from, for the error
	 * @param text low, medium or high, in any case; {@code null} stays {@code null}
	 * @return the priority
	 * @throws InvalidInputException for any other text
	 */
	public static Priority parse(String field, String text) {
		if (text == null) {
			return null;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "priority must be low, medium or high, not '" + text + "'");
		}
	}

}
