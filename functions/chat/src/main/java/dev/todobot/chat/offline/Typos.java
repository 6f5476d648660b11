package dev.todobot.chat.offline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends the typing slips that would hide a command: the first word ("dlete", "remnd",
 * "shwo") and date words anywhere ("tomorow"), when they are one letter away (or two
 * letters swapped) from a word the parser knows. Other words are left alone, so that
 * titles keep their own spelling.
 */
final class Typos {

	private static final List<String> COMMANDS = List.of("add", "remind", "remember", "delete", "remove", "complete",
			"change", "show", "list", "mark", "finish", "rename", "move", "update", "reschedule", "postpone", "create",
			"cancel", "display", "prioritize");

	private static final List<String> DATES = List.of("tomorrow", "today", "monday", "tuesday", "wednesday", "thursday",
			"friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
			"sundays", "priority", "urgent", "important");

	private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

	private Typos() {
	}

	static String fix(String text) {
		String[] firstAndRest = text.split("\\s+", 2);
		String first = firstAndRest[0];
		String fixed = first.equalsIgnoreCase("ad") ? "add" : closest(first, COMMANDS);
		String rest = (firstAndRest.length > 1) ? " " + firstAndRest[1] : "";
		Matcher word = WORD.matcher(rest);
		StringBuilder mended = new StringBuilder();
		while (word.find()) {
			word.appendReplacement(mended, closest(word.group(), DATES));
		}
		word.appendTail(mended);
		return ((fixed != null) ? fixed : first) + mended;
	}

	private static String closest(String word, List<String> known) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.length() < 4 || known.contains(lower)) {
			return word;
		}
		for (String candidate : known) {
			if (Math.abs(candidate.length() - lower.length()) <= 1 && oneSlipApart(lower, candidate)) {
				return candidate;
			}
		}
		return word;
	}

	/**
	 * Whether two words differ by one inserted, dropped or changed letter, or two
	 * neighbours swapped.
	 */
	static boolean oneSlipApart(String a, String b) {
		if (a.equals(b)) {
			return false;
		}
		int i = 0;
		while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		String restA = a.substring(Math.min(i + 1, a.length()));
		String restB = b.substring(Math.min(i + 1, b.length()));
		if (a.length() == b.length()) {
			boolean swapped = i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
					&& a.substring(i + 2).equals(b.substring(i + 2));
			return swapped || restA.equals(restB);
		}
		return (a.length() > b.length()) ? a.substring(i + 1).equals(b.substring(i))
				: b.substring(i + 1).equals(a.substring(i));
	}

}
