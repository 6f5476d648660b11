package dev.todobot.core.recurrence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.todobot.core.error.InvalidInputException;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A task's recurrence: an RFC 5545 RRULE (without "RRULE:") of the subset this product
 * supports, parsed and expanded by lib-recur. Occurrences are whole days in the owner's
 * zone; the time of day (and so daylight saving) is the business of {@link Reminders}.
 */
public final class Recurrence {

	/** The field every front end names the rule by. */
	public static final String FIELD = "recurrence";

	/** The width of tasks.recurrence. */
	public static final int MAX_LENGTH = 500;

	// names, not Parts: lib-recur's Part fails to initialize before RecurrenceRule has
	private static final Set<String> SUPPORTED = Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL");

	private static final Set<Freq> FREQUENCIES = EnumSet.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);

	private static final List<Weekday> WORKING_DAYS = List.of(Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH,
			Weekday.FR);

	private static final String SUBSET = "FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL,"
			+ " e.g. FREQ=WEEKLY;BYDAY=MO,WE or FREQ=MONTHLY;BYMONTHDAY=1";

	private final RecurrenceRule rule;

	private Recurrence(RecurrenceRule rule) {
		this.rule = rule;
	}

	/**
	 * Parses and checks a rule.
	 * @param text the rule, e.g. {@code FREQ=DAILY;INTERVAL=3}; an "RRULE:" in front is
	 * dropped, case does not matter
	 * @throws InvalidInputException naming {@value #FIELD} when it is no rule of the
	 * supported subset
	 */
	public static Recurrence parse(String text) {
		String written = (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
		if (written.startsWith("RRULE:")) {
			written = written.substring("RRULE:".length());
		}
		if (written.isEmpty()) {
			throw invalid("recurrence must not be empty; send null for a task that does not repeat");
		}
		if (written.length() > MAX_LENGTH) {
			throw invalid("recurrence must be at most " + MAX_LENGTH + " characters");
		}
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(written, RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | IllegalArgumentException ex) {
			throw invalid("recurrence is no valid RRULE (" + ex.getMessage() + "); use " + SUBSET);
		}
		for (Part part : Part.values()) {
			if (!part.name().startsWith("_") && !SUPPORTED.contains(part.name()) && rule.hasPart(part)) {
				throw invalid("recurrence part " + part + " is not supported; use " + SUBSET);
			}
		}
		if (!FREQUENCIES.contains(rule.getFreq())) {
			throw invalid("recurrence FREQ=" + rule.getFreq() + " is not supported; a task repeats DAILY, WEEKLY,"
					+ " MONTHLY or YEARLY");
		}
		if (rule.hasPart(Part.BYMONTHDAY) && rule.getFreq() != Freq.MONTHLY) {
			throw invalid("recurrence BYMONTHDAY is for FREQ=MONTHLY only");
		}
		if (rule.hasPart(Part.BYDAY) && rule.getFreq() == Freq.YEARLY) {
			throw invalid("recurrence BYDAY is for FREQ=DAILY, WEEKLY or MONTHLY; a yearly task repeats on its"
					+ " first due date");
		}
		if (rule.hasPart(Part.BYDAY) && rule.hasPart(Part.BYMONTHDAY)) {
			throw invalid("recurrence takes BYDAY or BYMONTHDAY, not both");
		}
		DateTime until = rule.getUntil();
		if (until != null && !until.isAllDay()) {
			// occurrences are days: a time in UNTIL (often written with one) counts as
			// its day
			rule.setUntil(until.toAllDay());
		}
		return new Recurrence(rule);
	}

	private static InvalidInputException invalid(String message) {
		return new InvalidInputException(FIELD, message);
	}

	/**
	 * The rule as it is stored and shown, e.g. {@code FREQ=WEEKLY;BYDAY=MO,WE}.
	 */
	public String rule() {
		return this.rule.toString();
	}

	/**
	 * The first occurrence after {@code current} of the rule counted from {@code start},
	 * or empty when the rule ends before (COUNT or UNTIL).
	 * @param start the first occurrence (the task's recurrence_start)
	 * @param current the occurrence just done
	 */
	public Optional<LocalDate> nextAfter(LocalDate start, LocalDate current) {
		RecurrenceRuleIterator instances = this.rule.iterator(day(start));
		LocalDate from = current.plusDays(1);
		if (from.isAfter(start)) {
			// counts the instances it passes, so COUNT still holds
			instances.fastForward(day(from));
		}
		if (!instances.hasNext()) {
			return Optional.empty();
		}
		DateTime next = instances.nextDateTime();
		return Optional.of(LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth()));
	}

	private static DateTime day(LocalDate date) {
		// lib-recur counts months from 0
		return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
	}

	/**
	 * The rule in English, e.g. "every 3 days", "every week on Monday and Wednesday",
	 * "every month on day 1".
	 */
	public String describe() {
		int interval = this.rule.getInterval();
		StringBuilder text = new StringBuilder();
		List<WeekdayNum> days = this.rule.hasPart(Part.BYDAY) ? this.rule.getByDayPart() : List.of();
		Freq freq = this.rule.getFreq();
		if (interval == 1 && (freq == Freq.DAILY || freq == Freq.WEEKLY) && isWorkingWeek(days)) {
			text.append("every weekday");
		}
		else {
			text.append("every ").append(unit(freq, interval));
			if (!days.isEmpty()) {
				text.append(" on ").append(days(freq, days));
			}
			if (this.rule.hasPart(Part.BYMONTHDAY)) {
				text.append(" on ").append(monthDays(this.rule.getByPart(Part.BYMONTHDAY)));
			}
		}
		if (this.rule.getCount() != null) {
			int count = this.rule.getCount();
			text.append(", ").append((count == 1) ? "once" : count + " times");
		}
		DateTime until = this.rule.getUntil();
		if (until != null) {
			text.append(", until ").append(LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth()));
		}
		return text.toString();
	}

	private static boolean isWorkingWeek(List<WeekdayNum> days) {
		return days.size() == WORKING_DAYS.size()
				&& days.stream().allMatch((day) -> day.pos == 0 && WORKING_DAYS.contains(day.weekday));
	}

	private static String unit(Freq freq, int interval) {
		String unit = switch (freq) {
			case DAILY -> "day";
			case WEEKLY -> "week";
			case MONTHLY -> "month";
			default -> "year";
		};
		return (interval == 1) ? unit : interval + " " + unit + "s";
	}

	private static String days(Freq freq, List<WeekdayNum> days) {
		List<String> names = new ArrayList<>();
		for (WeekdayNum day : days) {
			String name = dayName(day.weekday);
			names.add((day.pos != 0) ? "the " + ordinal(day.pos) + " " + name
					: (freq == Freq.MONTHLY) ? "every " + name : name);
		}
		return joined(names);
	}

	private static String monthDays(List<Integer> days) {
		List<String> names = new ArrayList<>();
		for (int day : days) {
			names.add((day > 0) ? String.valueOf(day) : "the " + ordinal(day) + " day");
		}
		boolean numbers = days.stream().allMatch((day) -> day > 0);
		return (numbers ? ((days.size() == 1) ? "day " : "days ") : "") + joined(names);
	}

	private static String ordinal(int position) {
		if (position < 0) {
			return (position == -1) ? "last" : ordinal(-position) + " to last";
		}
		return switch (position) {
			case 1 -> "first";
			case 2 -> "second";
			case 3 -> "third";
			case 4 -> "fourth";
			case 5 -> "fifth";
			default -> position + "th";
		};
	}

	private static String dayName(Weekday day) {
		return switch (day) {
			case MO -> "Monday";
			case TU -> "Tuesday";
			case WE -> "Wednesday";
			case TH -> "Thursday";
			case FR -> "Friday";
			case SA -> "Saturday";
			case SU -> "Sunday";
		};
	}

	private static String joined(List<String> words) {
		if (words.size() == 1) {
			return words.getFirst();
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Recurrence recurrence && rule().equals(recurrence.rule());
	}

	@Override
	public int hashCode() {
		return rule().hashCode();
	}

	@Override
	public String toString() {
		return rule();
	}

}
