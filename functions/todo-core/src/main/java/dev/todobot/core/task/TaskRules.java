package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.recurrence.Recurrence;
import dev.todobot.core.recurrence.Reminders;

/**
 * The rules a task's fields follow, written once for every way in (REST, CloudEvents,
 * MCP).
 */
final class TaskRules {

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_TAGS = 10;

	/** The most tasks one request changes at once. */
	static final int MAX_IDS = 100;

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,31}");

	/** The instants a reminder may be at: what PostgreSQL keeps and people plan. */
	private static final Instant EARLIEST_REMINDER = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant LATEST_REMINDER = Instant.parse("9999-12-31T00:00:00Z");

	private TaskRules() {
	}

	static String title(String title) {
		String trimmed = (title != null) ? title.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("title", "title must not be empty");
		}
		if (trimmed.length() > MAX_TITLE) {
			throw new InvalidInputException("title",
					"title must be at most " + MAX_TITLE + " characters, not " + trimmed.length());
		}
		return trimmed;
	}

	static String description(String description) {
		if (description == null) {
			return null;
		}
		String trimmed = description.strip();
		if (trimmed.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("description",
					"description must be at most " + MAX_DESCRIPTION + " characters, not " + trimmed.length());
		}
		return trimmed;
	}

	/**
	 * Lower-cases the tags, drops a leading '#' and repeats, and checks them.
	 */
	static List<String> tags(List<String> tags) {
		if (tags == null) {
			return null;
		}
		Set<String> normalized = new LinkedHashSet<>();
		for (String tag : tags) {
			normalized.add(tag("tags", tag));
		}
		if (normalized.size() > MAX_TAGS) {
			throw new InvalidInputException("tags",
					"a task has at most " + MAX_TAGS + " tags, not " + normalized.size());
		}
		return List.copyOf(new ArrayList<>(normalized));
	}

	/**
	 * One tag.
	 * @param field the field it came from, for the error
	 */
	static String tag(String field, String tag) {
		String word = (tag != null) ? tag.strip().toLowerCase(Locale.ROOT) : "";
		if (word.startsWith("#")) {
			word = word.substring(1);
		}
		if (!TAG.matcher(word).matches()) {
			throw new InvalidInputException(field,
					"a tag is one word of letters, digits, '-' or '_', up to 32 characters, not '" + tag + "'");
		}
		return word;
	}

	/**
	 * A due time: minutes are what a user means, seconds are dropped.
	 */
	static LocalTime dueTime(LocalTime dueTime) {
		return dueTime.truncatedTo(ChronoUnit.MINUTES);
	}

	static void remindAt(Instant remindAt) {
		if (remindAt.isBefore(EARLIEST_REMINDER) || remindAt.isAfter(LATEST_REMINDER)) {
			throw new InvalidInputException("remindAt",
					"remindAt must be an instant between the years 2000 and 9999, such as 2030-05-03T09:00:00+02:00");
		}
	}

	static void remindBeforeMinutes(int minutes) {
		if (minutes < 0 || minutes > Reminders.MAX_MINUTES_BEFORE) {
			throw new InvalidInputException("remindBeforeMinutes", "remindBeforeMinutes must be between 0 and "
					+ Reminders.MAX_MINUTES_BEFORE + " (a year), not " + minutes);
		}
	}

	/**
	 * A task's schedule after a change. A due time, a recurrence and a reminder relative
	 * to the due time all need a due date: sent without one they are refused, and
	 * removing the due date removes them. A relative reminder is computed in the owner's
	 * zone; a change of the due date, due time or reminder clears when the reminder went
	 * out.
	 * @param current the schedule as stored ({@link Schedule#NONE} for a new task)
	 * @param change what the request changes
	 * @param zone the owner's zone, when {@link ScheduleChange#needsZone} said so
	 */
	static Schedule schedule(Schedule current, ScheduleChange change, ZoneId zone) {
		LocalDate dueDate = value(change.dueDate(), current.dueDate());
		boolean dated = dueDate != null;
		LocalTime dueTime = dated ? value(change.dueTime(), current.dueTime()) : needsDate(change.dueTime(), "dueTime");
		String recurrence = dated ? value(change.recurrence(), current.recurrence())
				: needsDate(change.recurrence(), "recurrence");
		Integer before;
		if (change.remindBeforeMinutes() != null) {
			before = dated ? change.remindBeforeMinutes().value()
					: needsDate(change.remindBeforeMinutes(), "remindBeforeMinutes");
		}
		else {
			// an instant sent replaces a lead; without a date a lead has nothing to count
			// from
			before = (change.remindAt() != null || !dated) ? null : current.remindBeforeMinutes();
		}
		Instant remindAt;
		if (before != null) {
			remindAt = Reminders.remindAt(dueDate, dueTime, before, zone);
		}
		else if (change.remindAt() != null) {
			remindAt = change.remindAt().value();
		}
		else {
			// a lead removed takes its reminder along
			remindAt = (current.remindBeforeMinutes() != null) ? null : current.remindAt();
		}
		LocalDate recurrenceStart = null;
		if (recurrence != null) {
			recurrenceStart = (change.recurrence() != null || change.dueDate() != null) ? dueDate
					: current.recurrenceStart();
		}
		Instant remindedAt = change.movesReminder() ? null : current.remindedAt();
		return new Schedule(dueDate, dueTime, remindAt, before, remindedAt, recurrence, recurrenceStart);
	}

	private static <T> T value(Setting<T> setting, T current) {
		return (setting != null) ? setting.value() : current;
	}

	/**
	 * A field that needs a due date, on a task that has none: refused when sent with a
	 * value, dropped otherwise.
	 */
	private static <T> T needsDate(Setting<T> setting, String field) {
		if (setting != null && !setting.clears()) {
			throw new InvalidInputException(field, field + " needs a dueDate; give the day too");
		}
		return null;
	}

	/**
	 * A stored rule in English, or {@code null} for a task that does not repeat.
	 */
	static String recurrenceText(String recurrence) {
		return (recurrence != null) ? Recurrence.parse(recurrence).describe() : null;
	}

	/**
	 * The schedule of a recurring task's next occurrence: the same time and recurrence,
	 * and a reminder as long before it as the done one's was.
	 * @param done the done occurrence's schedule
	 * @param next the next occurrence's day
	 * @param zone the owner's zone
	 */
	static Schedule nextOccurrence(Schedule done, LocalDate next, ZoneId zone) {
		Instant remindAt = null;
		if (done.remindBeforeMinutes() != null) {
			remindAt = Reminders.remindAt(next, done.dueTime(), done.remindBeforeMinutes(), zone);
		}
		else if (done.remindAt() != null) {
			remindAt = Reminders.sameLead(done.remindAt(), done.dueDate(), next, done.dueTime(), zone);
		}
		return new Schedule(next, done.dueTime(), remindAt, done.remindBeforeMinutes(), null, done.recurrence(),
				done.recurrenceStart());
	}

	/**
	 * The ids of a change of several tasks: 1 to {@value #MAX_IDS}, each once.
	 */
	static List<Long> ids(List<Long> ids) {
		if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS) {
			throw new InvalidInputException("ids", "ids must list 1 to " + MAX_IDS + " task ids");
		}
		Set<Long> seen = new LinkedHashSet<>();
		for (Long id : ids) {
			if (id == null || id < 1) {
				throw new InvalidInputException("ids", "ids must be task ids (whole numbers from 1), not " + id);
			}
			if (!seen.add(id)) {
				throw new InvalidInputException("ids", "ids lists " + id + " twice; name each task once");
			}
		}
		return List.copyOf(ids);
	}

}
