package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.chat.offline.Command.Change;
import dev.todobot.chat.offline.Command.ChangeTask;
import dev.todobot.chat.offline.Command.Help;
import dev.todobot.chat.offline.Command.PickTask;
import dev.todobot.chat.offline.Command.Problem;
import dev.todobot.chat.offline.Command.Unclear;

/**
 * Understands one plain-language message. It reads only what the user typed: tool results
 * never pass through here, so words inside a task's title cannot become a command.
 * <p>
 * The order of the checks is the grammar: help, add, questions about the list, commands
 * that start with a verb ("delete the milk task"), phrases about tasks in general ("open
 * tasks"), commands that end with their verb ("milk is done"), a bare task number.
 */
final class CommandParser {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern POLITE_START = Pattern
		.compile("^(?:please|pls|plz|ok|okay|hi|hello|hey|so|now|and|also|then|kindly"
				+ "|(?:could|can|would|will)\\s+you)\\b[,\\s]*", FLAGS);

	private static final Pattern POLITE_END = Pattern
		.compile("[,\\s]+(?:please|pls|plz|thanks|thank\\s+you|thx|for\\s+me)$", FLAGS);

	private static final Pattern HELP = Pattern.compile("^(?:help|\\?|h|commands|menu|usage|hi|hello|hey|start"
			+ "|what\\s+can\\s+(?:you|i)\\s+(?:do|say)|how\\s+does\\s+(?:this|it)\\s+work"
			+ "|how\\s+do\\s+i\\s+use\\s+(?:this|you))$", FLAGS);

	private static final String TASK_WORD = "(?:task|todo|to-do|item|reminder|entry)";

	private static final Pattern ADD = Pattern.compile("^(?:" + String.join("|",
			"(?:add|create|put)(?:\\s+(?:an?|another|one\\s+more)\\b)?(?:\\s+new)?(?:\\s+" + TASK_WORD
					+ "\\b(?:\\s*:|\\s+(?:to|called|named|titled|that\\s+says|saying)\\b)?)?\\s*:?",
			"new\\s+" + TASK_WORD + "\\b\\s*:?", "remind\\s+me(?:\\s+(?:to|about|of))?\\b",
			"i\\s+(?:(?:need|have|got|ought)\\s+to|must|should|gotta)\\b",
			"don'?t\\s+(?:let\\s+me\\s+)?forget(?:\\s+(?:to|about))?\\b", "remember\\s+to", "(?:todo|to-do|task)\\s*:")
			+ ")(?<rest>(?:\\s.*|:.*)?)$", FLAGS);

	private static final Pattern LIST_VERB = Pattern.compile("^(?:show|list|display|view|see|get(?!\\s+rid)|give\\s+me"
			+ "|find|search|look\\s+(?:for|up)|where\\s+is|where's)\\b", FLAGS);

	private static final Pattern LIST_QUESTION = Pattern.compile("^(?:what|what's|whats|which|how\\s+many|any|anything"
			+ "|do\\s+i\\s+have|tell\\s+me|is\\s+there|are\\s+there)\\b", FLAGS);

	/**
	 * What makes a question one about the list ("what's overdue?", not "what is love?").
	 */
	private static final Pattern LIST_TOPIC = Pattern.compile("#|\\b(?:tasks?|todos?|to-dos?|to\\s+do|have\\s+to"
			+ "|need\\s+to|open|pending|left|remaining|outstanding|done|completed?|finished|overdue|late|due|today"
			+ "|tonight|this\\s+week|agenda|plate|tagged|priority|urgent|important|(?:should|must|can)\\s+i\\s+do)\\b",
			FLAGS);

	private static final Pattern LIST_WORDS = Pattern
		.compile("\\b(?:tasks|todos|to-dos|items|agenda|to\\s+do\\s+list|todo\\s+list)\\b|^#(?!\\d+$)\\S+$"
				+ "|^(?:overdue|open|pending|completed|finished|due\\s+today|today|this\\s+week)$", FLAGS);

	private static final String UNDONE = "(?:not\\s+(?:yet\\s+)?(?:done|finished|complete|completed)|undone|open"
			+ "|incomplete" + "|pending|unfinished|to\\s+do|todo)";

	private static final String DONE = "(?:done|complete|completed|finished|checked\\s+off)";

	private static final Pattern REOPEN = Pattern
		.compile("^(?:re-?open|undo|un-?complete|un-?check|un-?mark|unfinish|restore|revive)\\s+(?<ref>.+)$", FLAGS);

	private static final Pattern MARK_UNDONE = Pattern.compile(
			"^(?:mark|set|flag|put|turn)\\s+(?<ref>.+?)\\s+(?:as\\s+|to\\s+|back\\s+to\\s+)?" + UNDONE + "$", FLAGS);

	private static final Pattern MARK_DONE = Pattern
		.compile("^(?:mark|set|flag|turn)\\s+(?<ref>.+?)\\s+(?:as\\s+|to\\s+)?" + DONE + "$", FLAGS);

	private static final Pattern CHECK_OFF = Pattern.compile("^(?:check|tick|cross|mark|strike)\\s+(?<ref>.+?)\\s+off$",
			FLAGS);

	private static final Pattern COMPLETE = Pattern
		.compile("^(?:" + String.join("|", "complete|completed|finish|finished|close|closed|resolve|resolved",
				"(?:check|tick|cross|mark|strike)\\s+off", "done\\s+with|done",
				"(?:i'm|im|i\\s+am)\\s+(?:done|finished)\\s+with",
				"i(?:'ve|\\s+have)?\\s+(?:done|finished|completed)|i\\s+did") + "):?\\s+(?<ref>.+)$", FLAGS);

	private static final Pattern DELETE = Pattern.compile("^(?:delete|remove|drop|erase|trash|discard|cancel|scrap|bin"
			+ "|get\\s+rid\\s+of|throw\\s+(?:away|out)|forget\\s+about|forget)\\s+(?<ref>.+?)"
			+ "(?:\\s+from\\s+(?:my\\s+|the\\s+)?(?:(?:todo|to-do|task)\\s+)?(?:list|tasks|todos))?$", FLAGS);

	private static final Pattern RENAME = Pattern
		.compile("^(?:rename|re-?title|re-?name)\\s+(?<ref>.+?)\\s+(?:to|as|into)\\s+(?<title>.+)$", FLAGS);

	private static final Pattern CHANGE_TITLE = Pattern.compile("^(?:change|update|set|edit)\\s+(?:the\\s+)?"
			+ "(?:title|name|text|wording)\\s+(?:of|for|on)\\s+(?<ref>.+?)\\s+to\\s+(?<title>.+)$", FLAGS);

	private static final Pattern CHANGE_OWN_TITLE = Pattern.compile(
			"^(?:change|update|set|edit)\\s+(?<ref>.+?)(?:'s)?\\s+(?:title|name|text)\\s+to\\s+(?<title>.+)$", FLAGS);

	private static final Pattern CHANGE_OWN_DUE = Pattern
		.compile("^(?:change|update|set|move|edit|push)\\s+(?<ref>.+?)(?:'s)?"
				+ "\\s+(?:due\\s+date|deadline|date)\\s+(?:to|until)\\s+(?<when>.+)$", FLAGS);

	private static final Pattern CHANGE_OWN_PRIORITY = Pattern
		.compile("^(?:change|update|set|raise|lower)\\s+(?<ref>.+?)(?:'s)?\\s+priority\\s+(?:to\\s+)?(?<priority>"
				+ TaskDetailsParser.PRIORITY_WORDS + ")$", FLAGS);

	private static final Pattern CHANGE_DUE = Pattern.compile("^(?:change|update|set|move|edit|push)\\s+(?:the\\s+)?"
			+ "(?:due\\s+date|due|deadline|date)\\s+(?:of|for|on)\\s+(?<ref>.+?)\\s+(?:to|until)\\s+(?<when>.+)$",
			FLAGS);

	private static final Pattern CHANGE_PRIORITY = Pattern
		.compile("^(?:change|update|set|raise|lower|make)\\s+(?:the\\s+)?"
				+ "priority\\s+(?:of|for|on)\\s+(?<ref>.+?)\\s+(?:to\\s+)?(?<priority>"
				+ TaskDetailsParser.PRIORITY_WORDS + ")$", FLAGS);

	private static final Pattern PRIORITIZE = Pattern
		.compile("^(?<verb>prioriti[sz]e|escalate|de-?prioriti[sz]e)\\s+(?<ref>.+)$", FLAGS);

	private static final Pattern MOVE = Pattern.compile(
			"^(?:move|reschedule|re-schedule|postpone|push|defer|shift|delay|put\\s+off|bump)\\s+(?<body>.+)$", FLAGS);

	private static final Pattern SET = Pattern
		.compile("^(?<verb>make|mark|set|flag|turn|change|update|edit)\\s+(?<body>.+)$", FLAGS);

	private static final Pattern PRIORITY_TAIL = Pattern
		.compile("\\s+(?:as\\s+|to\\s+|into\\s+)?(?:an?\\s+)?(?<priority>" + TaskDetailsParser.PRIORITY_WORDS
				+ ")(?:\\s+priority)?(?:\\s+" + TASK_WORD + ")?$", FLAGS);

	private static final Pattern CONNECTOR_TAIL = Pattern.compile("\\s+(?:to|until|till|til|as|into)$", FLAGS);

	private static final Pattern LAST_CONNECTOR = Pattern
		.compile("^.*\\s(?:to|until|till|til|for|on|by)\\s+(?<when>.+)$", FLAGS);

	private static final Pattern IS_UNDONE = Pattern.compile(
			"^(?<ref>.+?)\\s+(?:is\\s+)?(?:not\\s+(?:yet\\s+)?(?:done|finished|completed)|still\\s+open|undone)$",
			FLAGS);

	private static final Pattern IS_DONE = Pattern
		.compile("^(?<ref>.+?)\\s+(?:is\\s+|was\\s+|are\\s+|has\\s+been\\s+)?" + DONE + "$", FLAGS);

	private static final Pattern IS_PRIORITY = Pattern
		.compile("^(?<ref>.+?)\\s+is\\s+(?:an?\\s+)?(?:now\\s+)?(?<priority>" + TaskDetailsParser.PRIORITY_WORDS
				+ ")(?:\\s+priority)?$", FLAGS);

	private static final Pattern IS_DUE = Pattern.compile("^(?<ref>.+?)\\s+is\\s+(?:now\\s+)?(?<when>due\\s+.+)$",
			FLAGS);

	private static final Pattern PICK = Pattern
		.compile("^(?:(?:the\\s+one\\s+with\\s+)?(?:task|number|no\\.?|nr\\.?|id)\\s*)?#?\\s*(?<id>\\d{1,9})$", FLAGS);

	private static final Pattern TASK_ID = Pattern
		.compile("^(?:(?:the\\s+)?(?:task|todo|to-do|item|number|no\\.?|nr\\.?|id)\\s*)?"
				+ "(?:number\\s+|no\\.?\\s*)?#?\\s*(?<id>\\d{1,9})$", FLAGS);

	private static final Pattern VAGUE = Pattern
		.compile("^(?:it|that|this|that\\s+one|this\\s+one|the\\s+task|the\\s+one"
				+ "|one|them|those|these|the\\s+last\\s+one|the\\s+first\\s+one|something|a\\s+task)$", FLAGS);

	private static final Pattern BULK = Pattern.compile("^(?:(?:all|everything|every|each)\\b.*"
			+ "|(?:all\\s+)?(?:(?:my|the)\\s+)?(?:tasks|todos|to-dos|items|ones)"
			+ "|.*\\d\\s*(?:,|&|and|\\+)\\s*(?:task\\s*)?#?\\d+)$", FLAGS);

	private static final Pattern REF_LEADING = Pattern.compile("^(?:the|my|a|an|that|this)\\s+", FLAGS);

	private static final Pattern REF_TASK_WORD = Pattern
		.compile("^" + TASK_WORD + "\\s+(?:(?:called|named|titled|about|for|to|that\\s+says|saying)\\s+)?", FLAGS);

	private static final Pattern REF_TRAILING = Pattern.compile("\\s+(?:" + TASK_WORD + "|one|thing)$", FLAGS);

	private static final Pattern QUOTES = Pattern.compile("^[\"“”'‘’]+|[\"“”'‘’]+$");

	/**
	 * Commands are short; a longer message is not read at all, which also bounds the work
	 * the patterns below can do.
	 */
	static final int MAX_MESSAGE = 1000;

	private final ListFilterParser lists = new ListFilterParser();

	/**
	 * Reads one message.
	 * @param message the user's words, as typed
	 * @param today the user's today, for due dates
	 * @return what the user asked for; {@link Help} with {@code understood == false} for
	 * anything else
	 */
	Command parse(String message, LocalDate today) {
		if (message.length() > MAX_MESSAGE) {
			return new Unclear(Problem.TOO_LONG, "");
		}
		String text = normalize(message);
		if (text.isEmpty() || HELP.matcher(text).matches()) {
			return new Help(true);
		}
		Matcher add = ADD.matcher(text);
		if (add.matches()) {
			return TaskDetailsParser.parse(add.group("rest"), today);
		}
		if (LIST_VERB.matcher(text).find() || (LIST_QUESTION.matcher(text).find() && LIST_TOPIC.matcher(text).find())) {
			return this.lists.parse(text);
		}
		Command change = verbFirst(text, today);
		if (change != null) {
			return change;
		}
		if (LIST_WORDS.matcher(text).find()) {
			return this.lists.parse(text);
		}
		change = verbLast(text, today);
		if (change != null) {
			return change;
		}
		Matcher pick = PICK.matcher(text);
		if (pick.matches()) {
			return new PickTask(Long.parseLong(pick.group("id")));
		}
		return new Help(false);
	}

	private static String normalize(String message) {
		String text = message.replace('’', '\'').replaceAll("\\s+", " ").strip();
		text = text.replaceAll("[.!?…]+$", "").strip();
		String before;
		do {
			before = text;
			String shorter = POLITE_START.matcher(text).replaceFirst("");
			text = shorter.isEmpty() ? text : shorter;
			text = POLITE_END.matcher(text).replaceFirst("").strip();
		}
		while (!text.equals(before));
		return text;
	}

	private Command verbFirst(String text, LocalDate today) {
		Matcher m;
		if ((m = REOPEN.matcher(text)).matches() || (m = MARK_UNDONE.matcher(text)).matches()) {
			return target(m.group("ref"), (ref) -> ChangeTask.of(ref, Change.REOPEN));
		}
		if ((m = MARK_DONE.matcher(text)).matches() || (m = CHECK_OFF.matcher(text)).matches()
				|| (m = COMPLETE.matcher(text)).matches()) {
			return target(m.group("ref"), (ref) -> ChangeTask.of(ref, Change.COMPLETE));
		}
		if ((m = DELETE.matcher(text)).matches()) {
			return target(m.group("ref"), (ref) -> ChangeTask.of(ref, Change.DELETE));
		}
		if ((m = RENAME.matcher(text)).matches() || (m = CHANGE_TITLE.matcher(text)).matches()
				|| (m = CHANGE_OWN_TITLE.matcher(text)).matches()) {
			String title = unquote(m.group("title"));
			return target(m.group("ref"), (ref) -> new ChangeTask(ref, Change.UPDATE, title, null, null));
		}
		if ((m = CHANGE_DUE.matcher(text)).matches() || (m = CHANGE_OWN_DUE.matcher(text)).matches()) {
			return due(m.group("ref"), m.group("when"), today);
		}
		if ((m = CHANGE_PRIORITY.matcher(text)).matches() || (m = CHANGE_OWN_PRIORITY.matcher(text)).matches()) {
			return priority(m.group("ref"), TaskDetailsParser.priority(m.group("priority")));
		}
		if ((m = PRIORITIZE.matcher(text)).matches()) {
			String priority = m.group("verb").toLowerCase(Locale.ROOT).startsWith("de") ? "low" : "high";
			return priority(m.group("ref"), priority);
		}
		if ((m = MOVE.matcher(text)).matches()) {
			return moveOrSet(m.group("body"), today, true, false);
		}
		if ((m = SET.matcher(text)).matches()) {
			boolean mayRename = m.group("verb").matches("(?i)change|update|edit|set");
			return moveOrSet(m.group("body"), today, false, mayRename);
		}
		return null;
	}

	/**
	 * "move the milk to friday", "make task 3 urgent", "change task 3 to buy oat milk".
	 * @param moving whether the verb was about dates, so that anything else is a date the
	 * model does not read; other verbs give {@code null} for what they do not fit
	 * @param mayRename whether "X to Y" renames X (change, update, edit, set)
	 */
	private Command moveOrSet(String body, LocalDate today, boolean moving, boolean mayRename) {
		Matcher priority = PRIORITY_TAIL.matcher(body);
		if (priority.find()) {
			return priority(body.substring(0, priority.start()),
					TaskDetailsParser.priority(priority.group("priority")));
		}
		Optional<DueDateParser.Found> due = DueDateParser.find(body, today);
		if (due.isPresent() && due.get().end() == body.length() && due.get().start() > 0) {
			String ref = CONNECTOR_TAIL.matcher(body.substring(0, due.get().start()).strip()).replaceFirst("");
			LocalDate date = due.get().date();
			return target(ref, (target) -> new ChangeTask(target, Change.UPDATE, null, date, null));
		}
		int to = body.toLowerCase(Locale.ROOT).indexOf(" to ");
		if (mayRename && to > 0) {
			String title = unquote(body.substring(to + 4));
			return target(body.substring(0, to), (ref) -> new ChangeTask(ref, Change.UPDATE, title, null, null));
		}
		if (!moving) {
			return null;
		}
		Matcher when = LAST_CONNECTOR.matcher(body);
		return new Unclear(Problem.BAD_DATE, when.matches() ? when.group("when") : "");
	}

	private Command verbLast(String text, LocalDate today) {
		Matcher m;
		if ((m = IS_UNDONE.matcher(text)).matches()) {
			return target(m.group("ref"), (ref) -> ChangeTask.of(ref, Change.REOPEN));
		}
		if ((m = IS_DONE.matcher(text)).matches()) {
			return target(m.group("ref"), (ref) -> ChangeTask.of(ref, Change.COMPLETE));
		}
		if ((m = IS_PRIORITY.matcher(text)).matches()) {
			return priority(m.group("ref"), TaskDetailsParser.priority(m.group("priority")));
		}
		if ((m = IS_DUE.matcher(text)).matches()) {
			return due(m.group("ref"), m.group("when"), today);
		}
		return null;
	}

	private Command due(String refText, String when, LocalDate today) {
		Optional<LocalDate> date = DueDateParser.parse(when, today);
		if (date.isEmpty()) {
			return new Unclear(Problem.BAD_DATE, when.strip());
		}
		return target(refText, (ref) -> new ChangeTask(ref, Change.UPDATE, null, date.get(), null));
	}

	private Command priority(String refText, String priority) {
		return target(refText, (ref) -> new ChangeTask(ref, Change.UPDATE, null, null, priority));
	}

	/**
	 * Reads the words that name a task, then builds the command for it.
	 */
	private static Command target(String refText, Function<TaskRef, Command> command) {
		String text = unquote(refText);
		Matcher id = TASK_ID.matcher(text);
		if (id.matches()) {
			return command.apply(new TaskRef.ById(Long.parseLong(id.group("id"))));
		}
		if (BULK.matcher(text).matches()) {
			return new Unclear(Problem.MANY_TASKS, text);
		}
		String words = text;
		for (Matcher article = REF_LEADING.matcher(words); article.find(); article = REF_LEADING.matcher(words)) {
			words = words.substring(article.end());
		}
		words = REF_TASK_WORD.matcher(words).replaceFirst("");
		words = unquote(REF_TRAILING.matcher(words).replaceFirst(""));
		if (words.isEmpty() || VAGUE.matcher(text).matches()) {
			return new Unclear(Problem.NO_TASK, text);
		}
		return command.apply(new TaskRef.ByWords(words));
	}

	private static String unquote(String text) {
		return QUOTES.matcher(text.strip()).replaceAll("").strip();
	}

}
