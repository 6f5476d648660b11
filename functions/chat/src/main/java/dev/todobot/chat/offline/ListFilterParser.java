package dev.todobot.chat.offline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.chat.offline.Command.ListTasks;

/**
 * Reads the filters of a question about the list: status ("open", "done", "all"), due
 * ("overdue", "today", "this week"), priority, a tag, words to look for and a limit.
 */
final class ListFilterParser {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final int MAX_LIMIT = 100;

	private static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,31}";

	private static final Pattern PENDING = Pattern.compile("\\b(?:open|pending|outstanding|remaining|left|unfinished"
			+ "|incomplete|not\\s+(?:yet\\s+)?(?:done|finished|completed)|undone|to\\s+do|still|active|unchecked"
			+ "|have\\s+to|need\\s+to|should|must)\\b", FLAGS);

	private static final Pattern COMPLETED = Pattern
		.compile("\\b(?:done|completed|complete|finished|closed|checked\\s+off|ticked\\s+off|did)\\b", FLAGS);

	private static final Pattern ALL = Pattern.compile("\\b(?:all|everything|every)\\b", FLAGS);

	private static final Pattern OVERDUE = Pattern.compile("\\b(?:overdue|late|past\\s+due|missed)\\b", FLAGS);

	private static final Pattern TODAY = Pattern.compile("\\b(?:today|tonight)\\b", FLAGS);

	/** No filter is narrower than a week for "tomorrow": the week's list shows it. */
	private static final Pattern WEEK = Pattern
		.compile("\\b(?:this\\s+week|week|next\\s+(?:7|seven)\\s+days|tomorrow)\\b", FLAGS);

	private static final Pattern PRIORITY = Pattern.compile(
			"\\b(?:(?<level>high|low|medium|normal|top)[- ]priority"
					+ "|priority\\s*[:=]?\\s*(?<after>high|low|medium)|(?<urgent>urgent|important|critical))\\b",
			FLAGS);

	private static final Pattern TAG_FILTER = Pattern.compile("(?<![\\p{L}\\p{N}#&])#(?<hash>" + TAG + ")"
			+ "|\\b(?:tagged|labell?ed|with\\s+(?:the\\s+)?tag|tag)\\s+(?:with\\s+|as\\s+)?#?(?<named>" + TAG + ")",
			FLAGS);

	/** "my shopping list", "the work stuff": a tag by the name people give a list. */
	private static final Pattern NAMED_LIST = Pattern
		.compile("\\b(?:my|the)\\s+(?<tag>\\p{L}[\\p{L}\\p{N}_-]{1,31})\\s+(?:list|stuff|things)\\b", FLAGS);

	private static final Pattern NOT_A_TAG = Pattern.compile(
			"todo|to-do|task|open|pending|done|completed|finished"
					+ "|overdue|urgent|important|old|new|current|whole|entire|remaining|other|next|last|first|daily",
			FLAGS);

	private static final Pattern LIMIT = Pattern
		.compile("\\b(?:(?:top|first|last|up\\s+to|at\\s+most|max(?:imum)?|only)\\s+(?<after>\\d{1,3})"
				+ "|(?<before>\\d{1,3})\\s+(?:tasks|todos|items))\\b", FLAGS);

	private static final Pattern QUERY_AFTER_WORD = Pattern
		.compile("\\b(?:about|matching|containing|mentioning|regarding"
				+ "|related\\s+to|with\\s+the\\s+words?|that\\s+mentions?|that\\s+contains?|called|named|titled|like)\\s+(?<q>.+)$",
				FLAGS);

	private static final Pattern QUERY_AFTER_VERB = Pattern
		.compile("^(?:find|search(?:\\s+for)?|look\\s+(?:for|up)|where\\s+is|where's)\\s+(?<q>.+)$", FLAGS);

	/** Filter phrases, which are not what the user looks for ("find open milk tasks"). */
	private static final Pattern FILTER_WORDS = Pattern.compile("#" + TAG + "|\\b(?:tagged|labell?ed|tag)\\s+#?" + TAG
			+ "|\\b(?:high|low|medium|normal|top)[- ]priority\\b|\\b(?:open|pending|done|completed|finished|overdue"
			+ "|due\\s+today|due\\s+this\\s+week|today|tonight|this\\s+week)\\b", FLAGS);

	private static final Pattern LEADING_FILLER = Pattern
		.compile("^(?:(?:all|any|every|my|the|a|an|due|tasks?|todos?|items?)\\s+)+", FLAGS);

	private static final Pattern TRAILING_FILLER = Pattern.compile(
			"(?:\\s+(?:tasks?|todos?|to-dos?|items?|ones?|that|which|are|is|with|in|for|please|to\\s+do|due))+$",
			FLAGS);

	private static final Pattern QUOTED = Pattern.compile("[\"“”](?<q>[^\"“”]+)[\"“”]");

	/**
	 * Reads the filters.
	 * @param text the normalized message
	 * @return the list command, with {@code null} for each filter not asked for
	 */
	ListTasks parse(String text) {
		return new ListTasks(status(text), priority(text), tag(text), query(text), due(text), limit(text));
	}

	private static String status(String text) {
		if (PENDING.matcher(text).find()) {
			return "pending";
		}
		if (COMPLETED.matcher(text).find()) {
			return "completed";
		}
		return ALL.matcher(text).find() ? "all" : null;
	}

	private static String due(String text) {
		if (OVERDUE.matcher(text).find()) {
			return "overdue";
		}
		if (TODAY.matcher(text).find()) {
			return "today";
		}
		return WEEK.matcher(text).find() ? "week" : null;
	}

	private static String priority(String text) {
		Matcher m = PRIORITY.matcher(text);
		if (!m.find()) {
			return null;
		}
		String level = (m.group("urgent") != null) ? "high"
				: (m.group("level") != null) ? m.group("level") : m.group("after");
		return TaskDetailsParser.priority(level);
	}

	private static String tag(String text) {
		Matcher named = NAMED_LIST.matcher(text);
		if (named.find() && !NOT_A_TAG.matcher(named.group("tag")).matches()) {
			return named.group("tag").toLowerCase(Locale.ROOT);
		}
		Matcher m = TAG_FILTER.matcher(text);
		while (m.find()) {
			String tag = (m.group("hash") != null) ? m.group("hash") : m.group("named");
			// "#3" is a task number, not a tag
			if (!tag.chars().allMatch(Character::isDigit)) {
				return tag.toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	private static String query(String text) {
		Matcher quoted = QUOTED.matcher(text);
		if (quoted.find()) {
			return quoted.group("q").strip();
		}
		Matcher m = QUERY_AFTER_WORD.matcher(text);
		if (!m.find()) {
			m = QUERY_AFTER_VERB.matcher(text);
			if (!m.matches()) {
				return null;
			}
		}
		String words = FILTER_WORDS.matcher(m.group("q")).replaceAll(" ").replaceAll("\\s+", " ").strip();
		words = LEADING_FILLER.matcher(words + " ").replaceFirst("").strip();
		words = TRAILING_FILLER.matcher(" " + words).replaceFirst("").strip();
		return words.isEmpty() ? null : words;
	}

	private static Integer limit(String text) {
		Matcher m = LIMIT.matcher(text);
		if (!m.find()) {
			return null;
		}
		int limit = Integer.parseInt((m.group("after") != null) ? m.group("after") : m.group("before"));
		return Math.clamp(limit, 1, MAX_LIMIT);
	}

}
