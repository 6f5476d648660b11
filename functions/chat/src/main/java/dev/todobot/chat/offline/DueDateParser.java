package dev.todobot.chat.offline;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads due-date phrases in a user's message: "today", "tomorrow", "the day after
 * tomorrow", "in 3 days", "next week" (its Monday), "next month" (its first day), "the
 * weekend" (its Saturday), "the end of the week" (its Friday), "the end of the month",
 * "the 15th" (this month's or next month's), a weekday ("friday", "on fri", "by next
 * friday": always the next such day after today), "May 3", "3rd of May" (this year, or
 * next year once it has passed) and ISO dates. A leading "due", "by", "on", "for",
 * "until" or "before" belongs to the phrase, so that removing the phrase leaves a clean
 * title.
 */
final class DueDateParser {

	private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

	private static final String SHORT_WEEKDAYS = "mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

	private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
			+ "|november|december" + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

	private static final String COUNTS = "\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

	private static final Map<String, Integer> COUNT_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
			Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

	private static final Pattern PHRASE = Pattern.compile("(?<![\\p{L}\\p{N}#-])"
			+ "(?:(?:due|by|on|for|until|till|before)\\s+)?(?:"
			+ String.join("|", "(?<iso>\\d{4}-\\d{2}-\\d{2})", "(?<dayAfter>(?:the\\s+)?day\\s+after\\s+tomorrow)",
					"(?<today>today|tonight|this\\s+(?:morning|afternoon|evening))", "(?<tomorrow>tomorrow|tmrw|tmr)",
					"in\\s+(?<count>" + COUNTS + ")\\s+(?<unit>days?|weeks?|months?)", "(?<nextWeek>next\\s+week)",
					"(?<nextMonth>next\\s+month)", "(?<weekend>(?:this\\s+|the\\s+|next\\s+)?weekend)",
					"(?<endOfWeek>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?week)",
					"(?<endOfMonth>(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month)",
					"(?:(?:next|this|on)\\s+)?(?<weekday>" + WEEKDAYS + ")",
					"(?:by|on|next|this)\\s+(?<shortWeekday>" + SHORT_WEEKDAYS + ")\\.?",
					"(?<monthFirst>" + MONTHS + ")\\.?\\s+(?<dayAfterMonth>\\d{1,2})(?:st|nd|rd|th)?"
							+ "(?:,?\\s+(?<yearAfterDay>\\d{4}))?",
					"(?:the\\s+)?(?<dayFirst>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<monthAfterDay>" + MONTHS + ")"
							+ "(?:,?\\s+(?<yearAfterMonth>\\d{4}))?",
					"the\\s+(?<dayOfMonth>\\d{1,2})(?:st|nd|rd|th)")
			+ ")(?![\\p{L}\\p{N}'’-])", Pattern.CASE_INSENSITIVE);

	/**
	 * A word after a bare weekday makes it part of a name ("monday meeting"), unless it
	 * is "at".
	 */
	private static final Pattern WORD_AFTER = Pattern.compile("^\\s+(?!at\\b)[\\p{L}\\p{N}]", Pattern.CASE_INSENSITIVE);

	private DueDateParser() {
	}

	/**
	 * Finds the last date phrase in a text; the last, because people add the date after
	 * the thing to do ("plan monday meeting on friday").
	 * @param text any text
	 * @param today the user's today
	 * @return the phrase's date and where it stands, or empty
	 */
	static Optional<Found> find(String text, LocalDate today) {
		Matcher matcher = PHRASE.matcher(text);
		Found last = null;
		while (matcher.find()) {
			Optional<LocalDate> date = resolve(matcher, today);
			boolean bareWeekday = matcher.group("weekday") != null && matcher.start("weekday") == matcher.start();
			if (bareWeekday && WORD_AFTER.matcher(text.substring(matcher.end())).find()) {
				continue;
			}
			if (date.isPresent()) {
				last = new Found(date.get(), matcher.start(), matcher.end());
			}
		}
		return Optional.ofNullable(last);
	}

	/**
	 * Reads a text that is nothing but a date phrase ("to friday" has been split off
	 * already: "friday").
	 * @param text the whole phrase
	 * @param today the user's today
	 * @return its date, or empty when the text is anything else
	 */
	static Optional<LocalDate> parse(String text, LocalDate today) {
		Matcher matcher = PHRASE.matcher(text.strip());
		return matcher.matches() ? resolve(matcher, today) : Optional.empty();
	}

	private static Optional<LocalDate> resolve(Matcher m, LocalDate today) {
		try {
			return Optional.ofNullable(date(m, today));
		}
		catch (DateTimeException ex) {
			// "2030-02-31" or "April 31" look like dates but are none: not a date phrase
			return Optional.empty();
		}
	}

	private static LocalDate date(Matcher m, LocalDate today) {
		if (m.group("iso") != null) {
			return LocalDate.parse(m.group("iso"));
		}
		if (m.group("dayAfter") != null) {
			return today.plusDays(2);
		}
		if (m.group("today") != null) {
			return today;
		}
		if (m.group("tomorrow") != null) {
			return today.plusDays(1);
		}
		if (m.group("count") != null) {
			return later(today, count(m.group("count")), lower(m.group("unit")));
		}
		if (m.group("nextWeek") != null) {
			return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		}
		if (m.group("nextMonth") != null) {
			return today.plusMonths(1).withDayOfMonth(1);
		}
		if (m.group("endOfWeek") != null) {
			return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
		}
		if (m.group("endOfMonth") != null) {
			return today.with(TemporalAdjusters.lastDayOfMonth());
		}
		if (m.group("dayOfMonth") != null) {
			return nextDayOfMonth(today, Integer.parseInt(m.group("dayOfMonth")));
		}
		if (m.group("weekend") != null) {
			return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		}
		if (m.group("weekday") != null) {
			return today.with(TemporalAdjusters.next(weekday(m.group("weekday"))));
		}
		if (m.group("shortWeekday") != null) {
			return today.with(TemporalAdjusters.next(weekday(m.group("shortWeekday"))));
		}
		if (m.group("monthFirst") != null) {
			return dayOfYear(today, m.group("monthFirst"), m.group("dayAfterMonth"), m.group("yearAfterDay"));
		}
		return dayOfYear(today, m.group("monthAfterDay"), m.group("dayFirst"), m.group("yearAfterMonth"));
	}

	private static LocalDate later(LocalDate today, int count, String unit) {
		if (unit.startsWith("day")) {
			return today.plusDays(count);
		}
		if (unit.startsWith("week")) {
			return today.plusWeeks(count);
		}
		return today.plusMonths(count);
	}

	private static int count(String text) {
		String word = lower(text);
		Integer number = COUNT_WORDS.get(word);
		return (number != null) ? number : Integer.parseInt(word);
	}

	private static DayOfWeek weekday(String text) {
		String prefix = lower(text).substring(0, 3);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
				return day;
			}
		}
		throw new IllegalStateException("The pattern only lets weekdays through, not " + text);
	}

	/**
	 * "the 15th": this month's, or next month's once it has passed.
	 */
	private static LocalDate nextDayOfMonth(LocalDate today, int day) {
		LocalDate date = today.withDayOfMonth(day);
		return date.isBefore(today) ? today.plusMonths(1).withDayOfMonth(day) : date;
	}

	private static LocalDate dayOfYear(LocalDate today, String monthText, String dayText, String yearText) {
		Month month = month(monthText);
		int day = Integer.parseInt(dayText);
		if (yearText != null) {
			return LocalDate.of(Integer.parseInt(yearText), month, day);
		}
		LocalDate date = LocalDate.of(today.getYear(), month, day);
		return date.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, day) : date;
	}

	private static Month month(String text) {
		String prefix = lower(text).substring(0, 3);
		for (Month month : Month.values()) {
			if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
				return month;
			}
		}
		throw new IllegalStateException("The pattern only lets months through, not " + text);
	}

	private static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	/**
	 * A date phrase inside a text.
	 *
	 * @param date what it means
	 * @param start where the phrase starts
	 * @param end where it ends (exclusive)
	 */
	record Found(LocalDate date, int start, int end) {

	}

}
