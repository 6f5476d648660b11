package dev.todobot.chat.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads when a task happens beyond its day: how it repeats ("every day", "on weekdays",
 * "every monday and thursday", "every 3 days", "every month on the 1st"), at what time
 * ("at 9", "at 7:30pm", "at noon") and how long before it a reminder is wanted ("10
 * minutes before", "an hour before"). A repeat is written as an RFC 5545 RRULE, which the
 * todo service checks and expands; this class only says where the series starts.
 */
final class ScheduleParser {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE;

	private static final String DAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
			+ "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

	private static final String COUNT = "\\d{1,3}|other|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

	private static final Map<String, Integer> COUNT_WORDS = Map.ofEntries(Map.entry("other", 2), Map.entry("two", 2),
			Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12));

	private static final Pattern REPEAT = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
			+ String.join("|",
					"(?:every|each)\\s+(?:work\\s*day|week\\s*day)s?|on\\s+(?:work|week)\\s*days|(?<weekdays>weekdays)",
					"(?:every|each)\\s+(?<days>" + dayList("s?") + ")", "on\\s+(?<pluralDays>" + dayList("s") + ")",
					"(?:every|each)\\s+month\\s+on\\s+the\\s+(?<monthDay>\\d{1,2})(?:st|nd|rd|th)?"
							+ "|on\\s+the\\s+(?<monthDayOf>\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+(?:every|each)\\s+month"
							+ "|(?:every|each)\\s+(?<monthDayEvery>\\d{1,2})(?:st|nd|rd|th)(?:\\s+of\\s+the\\s+month)?"
							+ "|monthly\\s+on\\s+the\\s+(?<monthlyDay>\\d{1,2})(?:st|nd|rd|th)?",
					"(?:every|each)\\s+(?<count>" + COUNT + ")\\s+(?<unit>days?|weeks?|months?|years?)",
					"(?:every|each)\\s+(?<single>day|night|morning|evening|week|month|year)",
					// "write the weekly report" is one report: only an adverb that ends
					// its phrase repeats
					"(?<adverb>daily|nightly|weekly|monthly|yearly|annually)"
							+ "(?=\\s*(?:$|[,.;!]|(?:at|on|from|starting|until|and|with|remind)\\b))")
			+ ")(?![\\p{L}\\p{N}])", FLAGS);

	private static final Pattern TIME = Pattern.compile("(?<![\\p{L}\\p{N}:])(?:"
			+ String.join("|",
					"(?:at\\s+)?(?<hour>\\d{1,2})(?::(?<minute>\\d{2}))?\\s*(?<half>am|pm|a\\.m\\.|p\\.m\\.)",
					"at\\s+(?<bareHour>\\d{1,2})(?::(?<bareMinute>\\d{2}))?(?:\\s*o'?clock)?",
					"(?<clock>\\d{1,2}):(?<clockMinute>\\d{2})", "(?:at\\s+)?(?<noon>noon|midday|midnight)")
			+ ")(?![\\p{L}\\p{N}:-])", FLAGS);

	private static final Pattern LEAD = Pattern.compile("(?<![\\p{L}\\p{N}])(?:,?\\s*(?:and\\s+)?remind\\s+me\\s+)?"
			+ "(?<amount>\\d{1,3}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty)\\s+"
			+ "(?<unit>min(?:ute)?s?|hours?|hrs?|days?)\\s+(?:before|early|ahead(?:\\s+of\\s+time)?)"
			+ "(?:\\s+(?:it'?s\\s+due|it\\s+is\\s+due|due|hand))?(?![\\p{L}\\p{N}])", FLAGS);

	private static final Map<String, Integer> AMOUNT_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("ten", 10), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30));

	private static final Set<DayOfWeek> WORK_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	private ScheduleParser() {
	}

	/**
	 * "monday", "mondays and thursdays", "tue, thu and sat".
	 * @param plural what follows each day: "s" when it must be plural
	 */
	private static String dayList(String plural) {
		String day = "(?:" + DAY + ")" + plural;
		return day + "(?:\\s*(?:,\\s*and|,|and|&)\\s*" + day + ")*";
	}

	/**
	 * Finds a repeat phrase.
	 * @param text any text
	 * @param today the user's today, where a series starts at the earliest
	 * @return the rule, the series' first day, and where the phrase stands; or empty
	 */
	static Optional<Repeat> repeat(String text, LocalDate today) {
		Matcher m = REPEAT.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		Repeat repeat = resolve(m, today);
		return Optional.ofNullable(repeat);
	}

	/**
	 * Finds a time of day: "at 9" is 9 in the morning and "at 5" 5 in the afternoon, as
	 * people mean them (1 to 6 without am or pm are afternoon hours, unless written with
	 * a leading zero: "at 05:30").
	 * @param text any text
	 * @return the time and where it stands, or empty
	 */
	static Optional<Found<LocalTime>> time(String text) {
		Matcher m = TIME.matcher(text);
		while (m.find()) {
			LocalTime time = time(m);
			if (time != null) {
				return Optional.of(new Found<>(time, m.start(), m.end()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Finds how long before the due time a reminder is wanted.
	 * @param text any text
	 * @return the lead in minutes and where it stands, or empty
	 */
	static Optional<Found<Integer>> lead(String text) {
		Matcher m = LEAD.matcher(text);
		if (!m.find()) {
			return Optional.empty();
		}
		String amountText = m.group("amount").toLowerCase(Locale.ROOT);
		Integer word = AMOUNT_WORDS.get(amountText);
		int amount = (word != null) ? word : Integer.parseInt(amountText);
		String unit = m.group("unit").toLowerCase(Locale.ROOT);
		int minutes = unit.startsWith("d") ? amount * 24 * 60 : unit.startsWith("h") ? amount * 60 : amount;
		return Optional.of(new Found<>(minutes, m.start(), m.end()));
	}

	private static Repeat resolve(Matcher m, LocalDate today) {
		int start = m.start();
		int end = m.end();
		String phrase = m.group().toLowerCase(Locale.ROOT);
		if (m.group("weekdays") != null || phrase.matches(".*(?:work|week)\\s*days?$")) {
			return new Repeat("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", firstOn(today, WORK_DAYS), start, end);
		}
		String dayList = (m.group("days") != null) ? m.group("days") : m.group("pluralDays");
		if (dayList != null) {
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			Matcher day = Pattern.compile(DAY, FLAGS).matcher(dayList);
			while (day.find()) {
				days.add(weekday(day.group()));
			}
			String byDay = days.stream().map(ScheduleParser::code).collect(Collectors.joining(","));
			return new Repeat("FREQ=WEEKLY;BYDAY=" + byDay, firstOn(today, days), start, end);
		}
		String monthDay = firstNonNull(m.group("monthDay"), m.group("monthDayOf"), m.group("monthDayEvery"),
				m.group("monthlyDay"));
		if (monthDay != null) {
			int day = Integer.parseInt(monthDay);
			if (day < 1 || day > 31) {
				return null;
			}
			return new Repeat("FREQ=MONTHLY;BYMONTHDAY=" + day, firstOnDayOfMonth(today, day), start, end);
		}
		if (m.group("count") != null) {
			String countText = m.group("count").toLowerCase(Locale.ROOT);
			Integer word = COUNT_WORDS.get(countText);
			int interval = (word != null) ? word : Integer.parseInt(countText);
			if (interval < 1) {
				return null;
			}
			String rule = "FREQ=" + frequency(m.group("unit"));
			return new Repeat((interval == 1) ? rule : rule + ";INTERVAL=" + interval, today, start, end);
		}
		String unit = (m.group("single") != null) ? m.group("single") : m.group("adverb");
		return new Repeat("FREQ=" + frequency(unit), today, start, end);
	}

	private static String frequency(String unit) {
		String word = unit.toLowerCase(Locale.ROOT);
		if (word.startsWith("week")) {
			return "WEEKLY";
		}
		if (word.startsWith("month")) {
			return "MONTHLY";
		}
		if (word.startsWith("year") || word.startsWith("annual")) {
			return "YEARLY";
		}
		return "DAILY";
	}

	private static LocalDate firstOn(LocalDate today, Set<DayOfWeek> days) {
		LocalDate date = today;
		while (!days.contains(date.getDayOfWeek())) {
			date = date.plusDays(1);
		}
		return date;
	}

	/**
	 * The first month from today's that has the day (the 31st skips short months, as the
	 * rule does).
	 */
	private static LocalDate firstOnDayOfMonth(LocalDate today, int day) {
		LocalDate month = today.withDayOfMonth(1);
		while (true) {
			if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
				return month.withDayOfMonth(day);
			}
			month = month.plusMonths(1);
		}
	}

	private static LocalTime time(Matcher m) {
		if (m.group("noon") != null) {
			return m.group("noon").equalsIgnoreCase("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON;
		}
		if (m.group("hour") != null) {
			int hour = Integer.parseInt(m.group("hour"));
			int minute = minute(m.group("minute"));
			boolean pm = m.group("half").toLowerCase(Locale.ROOT).startsWith("p");
			if (hour < 1 || hour > 12 || minute > 59) {
				return null;
			}
			return LocalTime.of((hour % 12) + (pm ? 12 : 0), minute);
		}
		String hourText = (m.group("bareHour") != null) ? m.group("bareHour") : m.group("clock");
		String minuteText = (m.group("bareHour") != null) ? m.group("bareMinute") : m.group("clockMinute");
		int hour = Integer.parseInt(hourText);
		int minute = minute(minuteText);
		if (hour > 23 || minute > 59) {
			return null;
		}
		// "at 05:30" with its zero is a 24-hour time already
		boolean afternoon = m.group("bareHour") != null && hourText.length() == 1 && hour >= 1 && hour <= 6;
		return LocalTime.of(afternoon ? hour + 12 : hour, minute);
	}

	private static int minute(String text) {
		return (text != null) ? Integer.parseInt(text) : 0;
	}

	private static DayOfWeek weekday(String text) {
		String prefix = text.toLowerCase(Locale.ROOT).substring(0, 3);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
				return day;
			}
		}
		throw new IllegalStateException("The pattern only lets weekdays through, not " + text);
	}

	private static String code(DayOfWeek day) {
		return day.name().substring(0, 2);
	}

	private static String firstNonNull(String... values) {
		return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/**
	 * A repeat phrase.
	 *
	 * @param rule the RRULE, without "RRULE:"
	 * @param firstDate the series' first day: today or the first matching day after it
	 * @param start where the phrase starts
	 * @param end where it ends (exclusive)
	 */
	record Repeat(String rule, LocalDate firstDate, int start, int end) {

	}

	/**
	 * A phrase inside a text and what it means.
	 *
	 * @param value what it means
	 * @param start where the phrase starts
	 * @param end where it ends (exclusive)
	 * @param <T> what kind of value
	 */
	record Found<T>(T value, int start, int end) {

	}

}
