package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.chat.offline.Command.AddTask;
import dev.todobot.chat.offline.Command.Problem;
import dev.todobot.chat.offline.Command.Unclear;

/**
 * Splits what follows "add" into a title, a description ("note: ..."), a due date, a
 * priority and tags; the title is what remains once those are taken out, unless the user
 * quoted it ("add \"call the urgent care clinic\" tomorrow").
 */
final class TaskDetailsParser {

	/** The words a priority may be given in; {@link #priority(String)} reads them. */
	static final String PRIORITY_WORDS = "urgent(?:ly)?|asap|important|critical|top[- ]priority|high(?:[- ]priority)?"
			+ "|low(?:[- ]priority)?|not\\s+urgent|unimportant|less\\s+important|medium(?:[- ]priority)?"
			+ "|normal(?:[- ]priority)?";

	private static final int MAX_TAGS = 10;

	private static final Pattern SEVERAL = Pattern.compile("\\s*[,;]\\s*(?:and\\s+|&\\s+)?|\\s+(?:and|&)\\s+");

	private static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,31}";

	private static final Pattern DESCRIPTION = Pattern
		.compile("(?:^|[\\s,;]+)(?:description|desc|notes?|details)\\s*[:=]\\s*(?<text>.+)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern QUOTED = Pattern
		.compile("[\"“”](?<title>[^\"“”]+)[\"“”]|(?<![\\p{L}\\p{N}])['‘](?<single>[^'‘’]+)['’](?![\\p{L}\\p{N}])");

	private static final Pattern HASH_TAG = Pattern
		.compile("(?<![\\p{L}\\p{N}#&])#(?<tag>" + TAG + ")(?![\\p{L}\\p{N}_-])");

	private static final Pattern NAMED_TAG = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(?:tagged|labell?ed)\\s+(?:with\\s+|as\\s+)?#?(?<tag>" + TAG + ")(?![\\p{L}\\p{N}_-])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PRIORITY = Pattern.compile("(?<![\\p{L}\\p{N}!])(?:(?:with|at|as)\\s+)?(?:an?\\s+)?"
			+ "(?:(?:it'?s|it\\s+is|this\\s+is|that'?s)\\s+(?:very\\s+|really\\s+|super\\s+|quite\\s+)?)?(?:"
			+ "!(?<bang>high|hi|urgent|important|top|low|lo|medium|med|normal)"
			+ "|(?<level>high|top|low|medium|normal)[- ]priority"
			+ "|priority\\s*[:=]?\\s*(?<after>high|low|medium|normal)|(?<low>not\\s+urgent|unimportant|no\\s+rush)"
			+ "|(?<high>urgent(?:ly)?|asap|important|critical))(?:\\s+though)?(?![\\p{L}\\p{N}])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern REMINDER = Pattern.compile(
			"(?:^|[\\s,;]+)(?:and\\s+)?(?:remind\\s+me(?:\\s+about\\s+it)?"
					+ "|with\\s+an?\\s+reminder|(?:and\\s+)?set\\s+an?\\s+reminder)(?![\\p{L}\\p{N}])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LIST_PHRASE = Pattern.compile(
			"(?:^|\\s+)(?:to|on|in|onto)\\s+(?:my|the)\\s+(?:(?:todo|to-do|task)\\s+)?(?:list|tasks|todos)(?:\\s*:)?(?=\\s|$)",
			Pattern.CASE_INSENSITIVE);

	// single steps, repeated by title(): nested repetition would backtrack and recurse
	// without bound on long runs of punctuation
	private static final Pattern LEADING_JUNK = Pattern.compile("^(?:[\\s,;:.\\-–—]+|(?:to|that)\\s+"
			+ "|(?:an?\\s+)?(?:new\\s+)?(?:task|todo|to-do|reminder|item)\\b\\s*(?::|-|to\\b|called\\b|named\\b|titled\\b)?)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TRAILING_JUNK = Pattern.compile(
			"(?:[\\s,;:.\\-–—]+|\\s+(?:and|with|at|as|due|by|on|for|to|priority|tagged|please))$",
			Pattern.CASE_INSENSITIVE);

	private TaskDetailsParser() {
	}

	/**
	 * Reads the details of a new task.
	 * @param text what followed "add", in the user's own case
	 * @param today the user's today
	 * @return an {@link AddTask}, or {@link Unclear} when no title is left
	 */
	static Command parse(String text, LocalDate today) {
		return parse(text, today, false);
	}

	/**
	 * Reads the details of a new task, with when it repeats, its time of day and its
	 * reminder.
	 * @param text what followed "add", in the user's own case
	 * @param today the user's today
	 * @param remind whether the user asked to be reminded ("remind me to ...")
	 * @return an {@link AddTask}, or {@link Unclear} when no title is left
	 */
	static Command parse(String text, LocalDate today, boolean remind) {
		String rest = text;
		String description = null;
		Matcher note = DESCRIPTION.matcher(rest);
		if (note.find()) {
			description = note.group("text").strip();
			rest = rest.substring(0, note.start());
		}
		String quotedTitle = null;
		Matcher quoted = QUOTED.matcher(rest);
		if (quoted.find()) {
			quotedTitle = ((quoted.group("title") != null) ? quoted.group("title") : quoted.group("single")).strip();
			rest = cut(rest, quoted.start(), quoted.end());
		}
		Set<String> tags = new LinkedHashSet<>();
		rest = takeTags(rest, HASH_TAG, tags);
		rest = takeTags(rest, NAMED_TAG, tags);
		String priority = null;
		Matcher level = PRIORITY.matcher(rest);
		if (level.find()) {
			priority = priority(level.group());
			rest = cut(rest, level.start(), level.end());
		}
		Optional<ScheduleParser.Repeat> repeat = ScheduleParser.repeat(rest, today);
		if (repeat.isPresent()) {
			rest = cut(rest, repeat.get().start(), repeat.get().end());
		}
		Matcher asked = REMINDER.matcher(rest);
		if (asked.find()) {
			remind = true;
			rest = cut(rest, asked.start(), asked.end());
		}
		Integer lead = null;
		Optional<ScheduleParser.Found<Integer>> before = ScheduleParser.lead(rest);
		if (before.isPresent()) {
			lead = before.get().value();
			rest = cut(rest, before.get().start(), before.get().end());
		}
		LocalTime dueTime = null;
		Optional<ScheduleParser.Found<LocalTime>> time = ScheduleParser.time(rest);
		if (time.isPresent()) {
			dueTime = time.get().value();
			rest = cut(rest, time.get().start(), time.get().end());
		}
		LocalDate dueDate = null;
		Optional<DueDateParser.Found> due = DueDateParser.find(rest, today);
		if (due.isPresent()) {
			dueDate = due.get().date();
			rest = cut(rest, due.get().start(), due.get().end());
		}
		String title = (quotedTitle != null) ? quotedTitle : title(rest);
		if (title.isEmpty()) {
			return new Unclear(Problem.NO_TITLE, "");
		}
		if (dueDate == null && repeat.isPresent()) {
			dueDate = repeat.get().firstDate();
		}
		// "remind me to stretch" names no moment to remind at: a plain task
		boolean reminder = (remind || lead != null) && (dueDate != null || dueTime != null);
		return new AddTask(title, description, dueDate, priority,
				new ArrayList<>(tags).subList(0, Math.min(tags.size(), MAX_TAGS)), dueTime,
				repeat.map(ScheduleParser.Repeat::rule).orElse(null), reminder ? ((lead != null) ? lead : 0) : null);
	}

	/**
	 * Reads one or several new tasks: "milk, eggs and bread" and "call the vet and book a
	 * haircut" are several; "buy apples and pears" is one. Priority, tags and a
	 * description apply to each; a due date to the part that names it.
	 * @param text what followed "add", in the user's own case
	 * @param today the user's today
	 * @return the tasks, or one {@link Unclear} when no title is left
	 */
	static List<Command> parseAll(String text, LocalDate today) {
		return parseAll(text, today, false);
	}

	/**
	 * Reads one or several new tasks, as {@link #parseAll(String, LocalDate)}.
	 * @param text what followed "add", in the user's own case
	 * @param today the user's today
	 * @param remind whether the user asked to be reminded ("remind me to ...")
	 * @return the tasks, or one {@link Unclear} when no title is left
	 */
	static List<Command> parseAll(String text, LocalDate today, boolean remind) {
		Command whole = parse(text, today, remind);
		if (whole instanceof AddTask add && add.recurrence() != null) {
			return List.of(whole);
		}
		if (!(whole instanceof AddTask all) || QUOTED.matcher(text).find()) {
			return List.of(whole);
		}
		List<String> parts = new ArrayList<>();
		String rest = text;
		Matcher note = DESCRIPTION.matcher(rest);
		if (note.find()) {
			rest = rest.substring(0, note.start());
		}
		for (String part : SEVERAL.split(rest.strip())) {
			if (!title(part).isEmpty()) {
				parts.add(part);
			}
		}
		if (parts.size() < 2 || !severalTasks(parts, today)) {
			return List.of(whole);
		}
		List<Command> tasks = new ArrayList<>();
		for (String part : parts) {
			Command one = parse(part, today, remind);
			if (!(one instanceof AddTask task)) {
				return List.of(whole);
			}
			List<String> tags = new ArrayList<>(all.tags());
			task.tags().stream().filter((tag) -> !tags.contains(tag)).forEach(tags::add);
			tasks.add(new AddTask(task.title(), all.description(), task.dueDate(),
					(task.priority() != null) ? task.priority() : all.priority(), tags, task.dueTime(),
					task.recurrence(), task.remindBeforeMinutes()));
		}
		return tasks;
	}

	/**
	 * Single words ("milk, eggs and bread") or parts that each start with a verb ("call
	 * the vet and book a haircut").
	 */
	private static boolean severalTasks(List<String> parts, LocalDate today) {
		List<String> titles = parts.stream()
			.map((part) -> parse(part, today))
			.map((command) -> (command instanceof AddTask add) ? add.title() : "")
			.toList();
		if (titles.stream().anyMatch(String::isEmpty)) {
			return false;
		}
		boolean words = titles.stream().allMatch((title) -> !title.contains(" "));
		boolean actions = titles.stream().allMatch((title) -> title.contains(" ") && ActionVerbs.startsWithOne(title));
		return words || actions;
	}

	/**
	 * Reads a priority phrase ("urgent", "!low", "high priority", "not urgent").
	 * @param phrase the phrase, in any case
	 * @return low, medium or high
	 */
	static String priority(String phrase) {
		String words = phrase.toLowerCase(Locale.ROOT);
		if (words.matches(".*\\b(?:low|lo|not\\s+urgent|unimportant|less\\s+important|no\\s+rush)\\b.*")) {
			return "low";
		}
		if (words.matches(".*\\b(?:medium|med|normal)\\b.*")) {
			return "medium";
		}
		return "high";
	}

	private static String takeTags(String text, Pattern pattern, Set<String> tags) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder rest = new StringBuilder();
		while (matcher.find()) {
			String tag = matcher.group("tag");
			if (tag.chars().allMatch(Character::isDigit)) {
				// "#3" names a task number, not a tag: leave it in the title
				continue;
			}
			tags.add(tag.toLowerCase(Locale.ROOT));
			matcher.appendReplacement(rest, " ");
		}
		matcher.appendTail(rest);
		return rest.toString();
	}

	private static String title(String text) {
		String title = LIST_PHRASE.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
		String before;
		do {
			before = title;
			title = LEADING_JUNK.matcher(title).replaceFirst("");
			title = TRAILING_JUNK.matcher(title).replaceFirst("");
			title = title.strip();
		}
		while (!title.equals(before));
		return title;
	}

	private static String cut(String text, int start, int end) {
		return text.substring(0, start) + " " + text.substring(end);
	}

}
