package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.chat.offline.Command.Change;
import dev.todobot.chat.offline.Command.AskTask;
import dev.todobot.chat.offline.Command.ChangeTask;
import dev.todobot.chat.offline.Command.Fields;
import dev.todobot.chat.offline.Command.Help;
import dev.todobot.chat.offline.Command.ListReminders;
import dev.todobot.chat.offline.Command.PickTask;
import dev.todobot.chat.offline.Command.Problem;
import dev.todobot.chat.offline.Command.SmallTalk;
import dev.todobot.chat.offline.Command.Talk;
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
		.compile("^(?:please|pls|plz|ok|okay|hi|hello|hey|so|now|and|also|then|kindly|um+|well|oops|oh|right"
				+ "|alright|(?:could|can|would|will)\\s+(?:you|u)|yes|yeah)\\b[,\\s]*", FLAGS);

	private static final Pattern POLITE_END = Pattern
		.compile("[,\\s]+(?:please|pls|plz|thanks|thank\\s+you|thx|for\\s+me|thanks\\s+a\\s+lot)$|[.!?…]+$", FLAGS);

	private static final Pattern HELP = Pattern.compile("^(?:help|\\?|h|commands|menu|usage|hi|hello|hey|start"
			+ "|what\\s+can\\s+(?:you|i)\\s+(?:do|say)|how\\s+does\\s+(?:this|it)\\s+work"
			+ "|how\\s+do\\s+i\\s+use\\s+(?:this|you))$", FLAGS);

	private static final String TASK_WORD = "(?:task|todo|to-do|item|reminder|entry)";

	private static final Pattern ADD = Pattern.compile("^(?:" + String.join("|",
			"(?:add|create|put)(?:\\s+(?:an?|another|one\\s+more)\\b)?(?:\\s+new)?(?:\\s+" + TASK_WORD
					+ "\\b(?:\\s*:|\\s+(?:to|called|named|titled|that\\s+says|saying)\\b)?)?\\s*:?",
			"new\\s+" + TASK_WORD + "\\b\\s*:?", "(?<remind>remind\\s+me)(?:\\s+(?:to|about|of))?\\b",
			"(?:i\\s+)?(?:(?:really\\s+)?(?:need|have|got|ought)\\s+to|must|should|gotta)\\b",
			"(?:make|leave)\\s+(?:a\\s+|me\\s+a\\s+)?note\\s+(?:to|that\\s+i\\s+(?:need|have)\\s+to)\\b",
			"(?:make|leave|set)\\s+(?:a\\s+|me\\s+a\\s+)?(?<reminder>reminder)\\s+(?:to|that\\s+i\\s+(?:need|have)\\s+to)\\b",
			"don'?t\\s+(?:let\\s+me\\s+)?forget(?:\\s+(?:to|about))?\\b", "remember\\s+to", "(?:todo|to-do|task)\\s*:")
			+ ")(?<rest>(?:\\s.*|:.*)?)$", FLAGS);

	private static final Pattern REMINDERS = Pattern.compile("^(?:(?:do\\s+i\\s+have|have\\s+i\\s+got|are\\s+there|any"
			+ "|show(?:\\s+me)?|list|see|check|what\\s+are|what's|whats|which\\s+are)\\s+)?(?:my\\s+|any\\s+|the\\s+)?"
			+ "(?:due\\s+|new\\s+|open\\s+)?reminders?(?:\\s+(?:due|now|today|waiting|for\\s+me|pending))?$", FLAGS);

	private static final Pattern LIST_VERB = Pattern.compile("^(?:show|list|display|view|see|get(?!\\s+rid)|give\\s+me"
			+ "|find|search|look\\s+(?:for|up)|where\\s+is|where's)\\b", FLAGS);

	private static final Pattern LIST_QUESTION = Pattern.compile("^(?:what|what's|whats|which|how\\s+many|any|anything"
			+ "|do\\s+i\\s+have|tell\\s+me|is\\s+there|are\\s+there)\\b", FLAGS);

	/**
	 * What makes a question one about the list ("what's overdue?", not "what is love?").
	 */
	private static final Pattern LIST_TOPIC = Pattern
		.compile("#|\\b(?:tasks?|todos?|to-dos?|to\\s+do|have\\s+to|list|finish"
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
				"(?:check|tick|cross|mark|strike)\\s+off", "tick", "done\\s+with|done",
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

	private static final Pattern CONNECTOR_TAIL = Pattern.compile(
			"(?:\\s+back)?\\s+(?:to\\s+be\\s+due|to\\s+be|be\\s+due|due|to|until|till|til|as|into)$|\\s+back$", FLAGS);

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

	/** "did I finish anything today?" asks about the list, not about one task. */
	private static final Pattern LIST_TOPIC_ONLY = Pattern
		.compile("^\\w+\\s+(?:anything|everything|all|any|my\\s+tasks|something)\\b.*$", FLAGS);

	private static final Pattern REF_LEADING = Pattern.compile("^(?:the|my|a|an|that|this)\\s+", FLAGS);

	private static final Pattern REF_TASK_WORD = Pattern
		.compile("^" + TASK_WORD + "\\s+(?:(?:called|named|titled|about|for|to|that\\s+says|saying)\\s+)?", FLAGS);

	private static final Pattern REF_TRAILING = Pattern.compile("\\s+(?:" + TASK_WORD + "|one|thing)$", FLAGS);

	private static final Pattern QUOTES = Pattern.compile("^[\"“”'‘’]+|[\"“”'‘’]+$");

	private static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,31}";

	private static final String PAST = "(?:\\w{3,}ed|bought|paid|got|did|sent|wrote|took|made|went|gave|met|brought|rang)";

	private static final Pattern THANKS = Pattern.compile("^(?:(?:great|perfect|awesome|cool|nice|ok|okay|wonderful)"
			+ "[,\\s]+)?(?:thanks?(?:\\s+(?:you|a\\s+lot|so\\s+much|a\\s+bunch|again))*|thank\\s+you(?:\\s+so\\s+much"
			+ "|\\s+very\\s+much)?|thx|ty|cheers|much\\s+appreciated)$", FLAGS);

	private static final Pattern GREETING = Pattern.compile("^(?:hi|hello|hey|hiya|howdy|yo|good\\s+(?:morning|"
			+ "afternoon|evening|day))(?:\\s+(?:there|you|all|everyone|bot|assistant))?$", FLAGS);

	private static final Pattern BYE = Pattern
		.compile("^(?:bye|goodbye|good\\s+bye|bye\\s+bye|see\\s+you(?:\\s+later)?|good\\s+night|later|cya)$", FLAGS);

	private static final Pattern HOW_ARE_YOU = Pattern
		.compile("^(?:how\\s+are\\s+you(?:\\s+doing)?(?:\\s+today)?|how's\\s+it\\s+going|what's\\s+up|sup)$", FLAGS);

	private static final Pattern WHO_ARE_YOU = Pattern
		.compile("^(?:who|what)\\s+are\\s+you|are\\s+you\\s+(?:a\\s+)?(?:bot|robot|human|real|ai)$", FLAGS);

	private static final Pattern OKAY = Pattern.compile(
			"^(?:ok|okay|k|cool|nice|great|got\\s+it|alright|sure|perfect|awesome|fine|no|nope|yes|yep)(?:\\s+(?:cool"
					+ "|thanks|great|then))?$",
			FLAGS);

	private static final Pattern PRAISE = Pattern.compile(
			"^(?:you(?:'re|\\s+are)\\s+(?:awesome|great|the\\s+best|amazing|helpful|smart)|good\\s+(?:bot|job)|well\\s+done"
					+ "|nice\\s+(?:work|job)|love\\s+it|i\\s+love\\s+(?:you|this|it))$",
			FLAGS);

	private static final Pattern ADD_NOTE = Pattern.compile(
			"^(?:add|put|attach|write)\\s+(?:a\\s+)?(?:note|description|comment|details?)\\s+(?:to|on|for)\\s+(?<ref>.+?)"
					+ "\\s*:\\s*(?<text>.+)$|^(?:note|description|comment|details?)\\s+(?:on|for|to)\\s+(?<ref2>.+?)"
					+ "\\s*:\\s*(?<text2>.+)$",
			FLAGS);

	private static final Pattern CHANGE_NOTE = Pattern.compile("^(?:change|set|update|edit|make)\\s+(?:the\\s+)?"
			+ "(?:description|note|notes|details)\\s+(?:of|for|on)\\s+(?<ref>.+?)\\s+(?:to|into)\\s+(?<text>.+)$",
			FLAGS);

	private static final Pattern ADD_TAG = Pattern
		.compile("^(?:add|put)\\s+(?:the\\s+|a\\s+)?(?:tag|label)\\s+#?(?<tag>" + TAG + ")\\s+(?:to|on)\\s+(?<ref>.+)$"
				+ "|^(?:tag|label)\\s+(?<ref2>.+?)\\s+(?:with\\s+|as\\s+)?#?(?<tag2>" + TAG + ")$", FLAGS);

	private static final Pattern REMOVE_TAG = Pattern.compile("^(?:remove|delete|drop|take)\\s+(?:the\\s+)?#?(?<tag>"
			+ TAG + ")\\s+(?:tag|label)\\s+(?:from|off(?:\\s+of)?)\\s+(?<ref>.+)$", FLAGS);

	private static final Pattern REMOVE_DUE = Pattern
		.compile("^(?:remove|clear|delete|drop|take\\s+off|unset)\\s+(?:the\\s+)?"
				+ "(?:due\\s+date|deadline|date)\\s+(?:from|of|on|for)\\s+(?<ref>.+)$", FLAGS);

	private static final Pattern PUT_BACK = Pattern.compile(
			"^(?:put|add|bring)\\s+(?<ref>.+?)\\s+back(?:\\s+(?:on|to|onto)\\s+(?:my|the)\\s+(?:todo\\s+)?list)?$",
			FLAGS);

	private static final Pattern TAKE_OFF = Pattern
		.compile("^(?:take|cross|strike)\\s+(?<ref>.+?)\\s+off\\s+(?:my|the)\\s+(?:todo\\s+|to-do\\s+)?list$", FLAGS);

	private static final Pattern THEN_IT = Pattern.compile(
			"^(?<clause>.+?)[,;]?\\s+(?:so\\s+|just\\s+|please\\s+)?(?<verb>delete|remove|drop|scrap|cancel|complete"
					+ "|finish|close|check\\s+off|tick\\s+off)\\s+(?:it|that(?:\\s+one)?|this(?:\\s+one)?)$",
			FLAGS);

	private static final Pattern CLAUSE_FILLER = Pattern
		.compile("^(?:never\\s*mind|forget|i\\s+(?:don'?t|do\\s+not|no\\s+longer)"
				+ "\\s+(?:need|have|want)\\s+to|no\\s+need\\s+to|i\\s+(?:already\\s+|just\\s+)?)\\s*|\\s+(?:any\\s*more|after\\s+all)$",
				FLAGS);

	private static final Pattern ASK_DID = Pattern
		.compile("^(?:did|have|has)\\s+i\\s+(?:already\\s+|ever\\s+)?(?<ref>.+?)" + "(?:\\s+(?:yet|already))?$", FLAGS);

	private static final Pattern ASK_IS = Pattern.compile("^(?:is|are|was)\\s+(?<ref>.+?)\\s+(?:(?:already|still)\\s+)?"
			+ "(?:done|finished|completed?|open|pending|" + PAST + ")(?:\\s+yet)?$", FLAGS);

	private static final Pattern ASK_ABOUT = Pattern
		.compile("^(?:what's|whats|what\\s+is|how's|how\\s+is)\\s+(?:the\\s+)?"
				+ "(?:status|priority|due\\s+date|deadline|state)\\s+(?:of|on|for|with)\\s+(?<ref>.+)$", FLAGS);

	private static final Pattern ASK_WHEN = Pattern.compile(
			"^when\\s+(?:is|are|was)\\s+(?<ref>.+?)\\s+due$"
					+ "|^when\\s+(?:do|should|must|will)\\s+i\\s+(?:have\\s+to\\s+|need\\s+to\\s+)?(?<ref2>.+)$",
			FLAGS);

	private static final Pattern ASK_STILL = Pattern.compile("^do\\s+i\\s+still\\s+(?:need|have)\\s+to\\s+(?<ref>.+)$",
			FLAGS);

	private static final Pattern DID_NOT = Pattern.compile("^i\\s+(?:didn'?t|did\\s+not|haven'?t|have\\s+not)\\s+"
			+ "(?:actually\\s+|really\\s+|yet\\s+)?(?<ref>.+?)(?:\\s+(?:yet|after\\s+all))?$", FLAGS);

	private static final Pattern IS_NOT_DONE = Pattern.compile("^(?<ref>.+?)\\s+(?:isn'?t|is\\s+not|wasn'?t|aren'?t)"
			+ "\\s+(?:actually\\s+|really\\s+)?(?:done|finished|complete|completed)(?:\\s+yet)?$", FLAGS);

	private static final Pattern NOT_URGENT = Pattern.compile("^(?<ref>.+?)\\s+(?:isn'?t|is\\s+not|isnt|aren'?t)\\s+"
			+ "(?:that\\s+|very\\s+|so\\s+)?(?:urgent|important|a\\s+priority)(?:\\s+any\\s*more)?$", FLAGS);

	private static final Pattern PAST_DONE = Pattern
		.compile("^(?:i(?:'ve|\\s+have)?\\s+)?(?:(?:just|already|finally|also|" + "actually)\\s+)*(?<verb>" + PAST
				+ ")\\s+(?<rest>.+)$", FLAGS);

	private static final Pattern IS_PAST = Pattern
		.compile("^(?<ref>.+?)\\s+(?:is|are|was|were|has\\s+been|have\\s+been)"
				+ "\\s+(?:all\\s+|finally\\s+|now\\s+)?(?<verb>" + PAST + ")$", FLAGS);

	private static final Pattern NO_NEED = Pattern.compile("^(?<ref>.+?)\\s+(?:don'?t|doesn'?t|do\\s+not|does\\s+not)"
			+ "\\s+need\\s+(?<what>.+?)\\s+(?:any\\s*more|now)$", FLAGS);

	private static final Pattern CAN_GO = Pattern.compile("^(?<ref>.+?)\\s+can\\s+go(?:\\s+away)?$", FLAGS);

	private static final Pattern CAN_WAIT = Pattern
		.compile("^(?<ref>.+?)\\s+can\\s+wait\\s+(?:until|till|til|to)\\s+(?<when>.+)$", FLAGS);

	private static final Pattern DEADLINE_IS = Pattern
		.compile("^(?<ref>.+?)(?:'s)?\\s+(?:deadline|due\\s+date)\\s+is\\s+" + "(?:now\\s+)?(?<when>.+)$", FLAGS);

	private static final Pattern SHOULD_BE_DUE = Pattern.compile("^(?<ref>.+?)\\s+(?:should|must|has\\s+to|needs\\s+to)"
			+ "\\s+be\\s+(?:done\\s+|due\\s+|finished\\s+)?(?<when>(?:by|on|before|until)?\\s*.+)$", FLAGS);

	private static final Pattern SET_COLON = Pattern
		.compile("^(?:update|change|edit|set)\\s+(?<ref>[^:]+?)\\s*:\\s*(?<rest>.+)$", FLAGS);

	private static final Pattern AND_MAKE_IT = Pattern.compile("\\s+and\\s+(?:make|mark|set)\\s+it\\s+(?:as\\s+)?"
			+ "(?<priority>" + TaskDetailsParser.PRIORITY_WORDS + ")(?:\\s+priority)?$", FLAGS);

	private static final Pattern HEADING = Pattern
		.compile("^(?<tag>[\\p{L}][\\p{L}\\p{N}_-]{1,31})(?:\\s+list)?\\s*:\\s*(?<rest>.+)$", FLAGS);

	private static final Pattern SEVERAL = Pattern.compile("\\s*,\\s*(?:and\\s+|&\\s+)?|\\s+(?:and|&)\\s+", FLAGS);

	private static final Pattern LEADING_DATE = Pattern.compile("^(?<when>today|tonight|tomorrow|this\\s+weekend"
			+ "|(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next\\s+week),?\\s+(?<rest>.+)$",
			FLAGS);

	/**
	 * Commands are short; a longer message is not read at all, which also bounds the work
	 * the patterns below can do.
	 */
	static final int MAX_MESSAGE = 1000;

	private final ListFilterParser lists = new ListFilterParser();

	/**
	 * Reads one message that asks for one thing.
	 * @param message the user's words, as typed
	 * @param today the user's today, for due dates
	 * @return the first thing the user asked for
	 */
	Command parse(String message, LocalDate today) {
		return parseAll(message, today).getFirst();
	}

	/**
	 * Reads one message, which may ask for several things ("add milk, eggs and bread",
	 * "mark the milk and the bread done").
	 * @param message the user's words, as typed
	 * @param today the user's today, for due dates
	 * @return what the user asked for, in order, never empty; {@link Help} with
	 * {@code understood == false} for anything else
	 */
	List<Command> parseAll(String message, LocalDate today) {
		if (message.length() > MAX_MESSAGE) {
			return List.of(new Unclear(Problem.TOO_LONG, ""));
		}
		String text = normalize(message);
		if (text.isEmpty() || HELP.matcher(text).matches()) {
			return List.of(new Help(true));
		}
		// before the polite words go: "hello there" is all greeting
		Talk talk = smallTalk(message.strip().replaceAll("[\\s,]+", " ").replaceAll("[.!?…]+$", ""));
		talk = (talk != null) ? talk : smallTalk(text);
		if (talk != null) {
			return List.of(new SmallTalk(talk));
		}
		if (REMINDERS.matcher(text).matches()) {
			return List.of(new ListReminders());
		}
		List<Command> commands = beforeAdd(text, today);
		if (commands != null) {
			return commands;
		}
		Matcher add = ADD.matcher(text);
		if (add.matches()) {
			boolean remind = add.group("remind") != null || add.group("reminder") != null;
			return TaskDetailsParser.parseAll(add.group("rest"), today, remind);
		}
		if (LIST_VERB.matcher(text).find() || (LIST_QUESTION.matcher(text).find() && LIST_TOPIC.matcher(text).find())) {
			return List.of(this.lists.parse(text));
		}
		commands = verbFirst(text, today);
		if (commands != null) {
			return commands;
		}
		if (LIST_WORDS.matcher(text).find()) {
			return List.of(this.lists.parse(text));
		}
		commands = verbLast(text, today);
		if (commands != null) {
			return commands;
		}
		Matcher pick = PICK.matcher(text);
		if (pick.matches()) {
			return List.of(new PickTask(Long.parseLong(pick.group("id"))));
		}
		commands = shopping(text, today);
		if (commands != null) {
			return commands;
		}
		if (ActionVerbs.startsWithOne(text)) {
			return TaskDetailsParser.parseAll(text, today);
		}
		return List.of(new Help(false));
	}

	private static String normalize(String message) {
		String text = message.replace('’', '\'').replaceAll("\\s+", " ").strip();
		String before;
		do {
			before = text;
			String shorter = POLITE_START.matcher(text).replaceFirst("");
			text = shorter.isEmpty() ? text : shorter;
			text = POLITE_END.matcher(text).replaceFirst("").strip();
		}
		while (!text.equals(before));
		text = Typos.fix(text);
		Matcher leadingDate = LEADING_DATE.matcher(text);
		if (leadingDate.matches()) {
			// "tomorrow I need to call the plumber": the date goes where the other rules
			// look for it
			text = leadingDate.group("rest") + " " + leadingDate.group("when");
		}
		return text;
	}

	private static Talk smallTalk(String text) {
		if (THANKS.matcher(text).matches()) {
			return Talk.THANKS;
		}
		if (GREETING.matcher(text).matches()) {
			return Talk.GREETING;
		}
		if (BYE.matcher(text).matches()) {
			return Talk.BYE;
		}
		if (HOW_ARE_YOU.matcher(text).matches()) {
			return Talk.HOW_ARE_YOU;
		}
		if (WHO_ARE_YOU.matcher(text).matches()) {
			return Talk.WHO_ARE_YOU;
		}
		if (PRAISE.matcher(text).matches()) {
			return Talk.PRAISE;
		}
		return OKAY.matcher(text).matches() ? Talk.OKAY : null;
	}

	/**
	 * Sentences that start like an "add" but change a task ("add a note to the landlord
	 * task: ...", "put the rent back on my list") or ask about one.
	 */
	private List<Command> beforeAdd(String text, LocalDate today) {
		Matcher m;
		if ((m = ADD_NOTE.matcher(text)).matches()) {
			String ref = (m.group("ref") != null) ? m.group("ref") : m.group("ref2");
			String note = unquote((m.group("text") != null) ? m.group("text") : m.group("text2"));
			return one(target(ref, (target) -> ChangeTask.update(target, Fields.description(note))));
		}
		if ((m = CHANGE_NOTE.matcher(text)).matches()) {
			String note = unquote(m.group("text"));
			return one(target(m.group("ref"), (target) -> ChangeTask.update(target, Fields.description(note))));
		}
		if ((m = ADD_TAG.matcher(text)).matches()) {
			String ref = (m.group("ref") != null) ? m.group("ref") : m.group("ref2");
			String tag = ((m.group("tag") != null) ? m.group("tag") : m.group("tag2")).toLowerCase(Locale.ROOT);
			return one(target(ref, (target) -> ChangeTask.update(target, Fields.tags(List.of(tag), List.of()))));
		}
		if ((m = REMOVE_TAG.matcher(text)).matches()) {
			String tag = m.group("tag").toLowerCase(Locale.ROOT);
			return one(target(m.group("ref"),
					(target) -> ChangeTask.update(target, Fields.tags(List.of(), List.of(tag)))));
		}
		if ((m = REMOVE_DUE.matcher(text)).matches()) {
			return one(target(m.group("ref"), (target) -> ChangeTask.update(target, Fields.noDueDate())));
		}
		if ((m = PUT_BACK.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.REOPEN);
		}
		if ((m = TAKE_OFF.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.DELETE);
		}
		if ((m = THEN_IT.matcher(text)).matches()) {
			String verb = m.group("verb").toLowerCase(Locale.ROOT);
			Change change = verb.matches("delete|remove|drop|scrap|cancel") ? Change.DELETE : Change.COMPLETE;
			String clause = CLAUSE_FILLER.matcher(m.group("clause")).replaceAll("").strip();
			return targets(clause, change);
		}
		return ask(text);
	}

	private List<Command> ask(String text) {
		Matcher m;
		if ((m = ASK_ABOUT.matcher(text)).matches() || (m = ASK_STILL.matcher(text)).matches()
				|| (m = ASK_IS.matcher(text)).matches()) {
			return one(target(m.group("ref"), AskTask::new));
		}
		if ((m = ASK_WHEN.matcher(text)).matches()) {
			return one(target((m.group("ref") != null) ? m.group("ref") : m.group("ref2"), AskTask::new));
		}
		if ((m = ASK_DID.matcher(text)).matches() && !LIST_TOPIC_ONLY.matcher(m.group("ref")).matches()) {
			return one(target(m.group("ref"), AskTask::new));
		}
		return null;
	}

	private List<Command> verbFirst(String text, LocalDate today) {
		Matcher m;
		if ((m = REOPEN.matcher(text)).matches() || (m = MARK_UNDONE.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.REOPEN);
		}
		if ((m = MARK_DONE.matcher(text)).matches() || (m = CHECK_OFF.matcher(text)).matches()
				|| (m = COMPLETE.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.COMPLETE);
		}
		if ((m = DELETE.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.DELETE);
		}
		if ((m = RENAME.matcher(text)).matches() || (m = CHANGE_TITLE.matcher(text)).matches()
				|| (m = CHANGE_OWN_TITLE.matcher(text)).matches()) {
			String title = unquote(m.group("title"));
			return one(target(m.group("ref"), (ref) -> ChangeTask.update(ref, Fields.title(title))));
		}
		if ((m = CHANGE_DUE.matcher(text)).matches() || (m = CHANGE_OWN_DUE.matcher(text)).matches()) {
			return one(due(m.group("ref"), m.group("when"), today));
		}
		if ((m = CHANGE_PRIORITY.matcher(text)).matches() || (m = CHANGE_OWN_PRIORITY.matcher(text)).matches()) {
			return one(priority(m.group("ref"), TaskDetailsParser.priority(m.group("priority"))));
		}
		if ((m = PRIORITIZE.matcher(text)).matches()) {
			String priority = m.group("verb").toLowerCase(Locale.ROOT).startsWith("de") ? "low" : "high";
			return one(priority(m.group("ref"), priority));
		}
		if ((m = SET_COLON.matcher(text)).matches()) {
			Command details = TaskDetailsParser.parse(m.group("rest"), today);
			if (details instanceof Command.AddTask add && (add.dueDate() != null || add.priority() != null)) {
				Fields fields = new Fields(null, add.dueDate(), add.dueTime(), false, add.priority(), null, add.tags(),
						List.of());
				return one(target(m.group("ref"), (ref) -> ChangeTask.update(ref, fields)));
			}
			Optional<LocalDate> date = DueDateParser.find(m.group("rest"), today).map(DueDateParser.Found::date);
			if (date.isPresent()) {
				return one(target(m.group("ref"), (ref) -> ChangeTask.update(ref, Fields.due(date.get()))));
			}
		}
		if ((m = MOVE.matcher(text)).matches()) {
			return one(moveOrSet(m.group("body"), today, true, false));
		}
		if ((m = SET.matcher(text)).matches()) {
			boolean mayRename = m.group("verb").matches("(?i)change|update|edit|set");
			Command command = moveOrSet(m.group("body"), today, false, mayRename);
			return (command != null) ? List.of(command) : null;
		}
		return null;
	}

	/**
	 * "move the milk to friday", "make task 3 urgent", "change task 3 to buy oat milk",
	 * "push the dry cleaning to tomorrow and make it urgent".
	 * @param moving whether the verb was about dates, so that anything else is a date the
	 * model does not read; other verbs give {@code null} for what they do not fit
	 * @param mayRename whether "X to Y" renames X (change, update, edit, set)
	 */
	private Command moveOrSet(String body, LocalDate today, boolean moving, boolean mayRename) {
		Fields extra = Fields.NONE;
		Matcher andMakeIt = AND_MAKE_IT.matcher(body);
		if (andMakeIt.find()) {
			extra = Fields.priority(TaskDetailsParser.priority(andMakeIt.group("priority")));
			body = body.substring(0, andMakeIt.start());
		}
		Matcher priority = PRIORITY_TAIL.matcher(body);
		if (priority.find()) {
			Fields fields = Fields.priority(TaskDetailsParser.priority(priority.group("priority"))).and(extra);
			return target(body.substring(0, priority.start()), (ref) -> ChangeTask.update(ref, fields));
		}
		LocalTime time = null;
		String untimed = body;
		Optional<ScheduleParser.Found<LocalTime>> at = ScheduleParser.time(body);
		if (at.isPresent() && at.get().end() == body.length() && at.get().start() > 0) {
			time = at.get().value();
			untimed = body.substring(0, at.get().start()).strip();
		}
		Optional<DueDateParser.Found> due = DueDateParser.find(untimed, today);
		if (due.isPresent() && due.get().end() == untimed.length() && due.get().start() > 0) {
			String ref = CONNECTOR_TAIL.matcher(untimed.substring(0, due.get().start()).strip()).replaceFirst("");
			Fields fields = Fields.due(due.get().date(), time).and(extra);
			return target(ref, (target) -> ChangeTask.update(target, fields));
		}
		if (time != null && moving) {
			// "move the dentist to 3pm": a new time on the day it already has
			String ref = CONNECTOR_TAIL.matcher(untimed).replaceFirst("");
			Fields fields = Fields.due(null, time).and(extra);
			return target(ref, (target) -> ChangeTask.update(target, fields));
		}
		int to = body.toLowerCase(Locale.ROOT).indexOf(" to ");
		if (mayRename && to > 0) {
			String title = unquote(body.substring(to + 4));
			return target(body.substring(0, to), (ref) -> ChangeTask.update(ref, Fields.title(title)));
		}
		if (!moving) {
			return null;
		}
		Matcher when = LAST_CONNECTOR.matcher(body);
		return new Unclear(Problem.BAD_DATE, when.matches() ? when.group("when") : "");
	}

	/**
	 * Sentences that name the task first: "milk is done", "the report is due friday", "I
	 * bought the groceries", "the plants don't need watering anymore".
	 */
	private List<Command> verbLast(String text, LocalDate today) {
		Matcher m;
		if ((m = IS_NOT_DONE.matcher(text)).matches() || (m = IS_UNDONE.matcher(text)).matches()
				|| (m = DID_NOT.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.REOPEN);
		}
		if ((m = IS_DONE.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.COMPLETE);
		}
		if ((m = NOT_URGENT.matcher(text)).matches()) {
			return one(priority(m.group("ref"), "low"));
		}
		if ((m = IS_PRIORITY.matcher(text)).matches()) {
			return one(priority(m.group("ref"), TaskDetailsParser.priority(m.group("priority"))));
		}
		if ((m = IS_DUE.matcher(text)).matches() || (m = DEADLINE_IS.matcher(text)).matches()
				|| (m = CAN_WAIT.matcher(text)).matches() || (m = SHOULD_BE_DUE.matcher(text)).matches()) {
			Command due = due(m.group("ref"), m.group("when"), today);
			if (!(due instanceof Unclear) || m.pattern() != SHOULD_BE_DUE) {
				return one(due);
			}
		}
		if ((m = IS_PAST.matcher(text)).matches()) {
			return targets(m.group("ref") + " " + m.group("verb"), Change.COMPLETE);
		}
		if ((m = NO_NEED.matcher(text)).matches()) {
			return targets(m.group("ref") + " " + m.group("what"), Change.COMPLETE);
		}
		if ((m = CAN_GO.matcher(text)).matches()) {
			return targets(m.group("ref"), Change.DELETE);
		}
		if ((m = PAST_DONE.matcher(text)).matches() && !m.group("verb").equalsIgnoreCase("need")) {
			return targets(m.group("verb") + " " + m.group("rest"), Change.COMPLETE);
		}
		return null;
	}

	/**
	 * "Shopping: apples, pears and yogurt": several tasks tagged with the heading.
	 */
	private static List<Command> shopping(String text, LocalDate today) {
		Matcher m = HEADING.matcher(text);
		if (!m.matches() || SEVERAL.split(m.group("rest")).length < 2) {
			return null;
		}
		return TaskDetailsParser.parseAll(m.group("rest") + " #" + m.group("tag").toLowerCase(Locale.ROOT), today);
	}

	private Command due(String refText, String when, LocalDate today) {
		String phrase = when.strip().replaceFirst("(?i)^(?:be\\s+)?due\\s+", "");
		Optional<LocalDate> date = DueDateParser.parse(phrase, today);
		if (date.isEmpty()) {
			date = DueDateParser.parse(when, today);
		}
		if (date.isEmpty()) {
			return new Unclear(Problem.BAD_DATE, when.strip());
		}
		LocalDate day = date.get();
		return target(refText, (ref) -> ChangeTask.update(ref, Fields.due(day)));
	}

	private Command priority(String refText, String priority) {
		return target(refText, (ref) -> ChangeTask.update(ref, Fields.priority(priority)));
	}

	/**
	 * One change for each task named: "the milk and the bread", "task 3, task 4".
	 */
	private static List<Command> targets(String refText, Change change) {
		List<Command> commands = new ArrayList<>();
		for (String part : SEVERAL.split(refText.strip())) {
			if (!part.isBlank()) {
				commands.add(target(part, (ref) -> ChangeTask.of(ref, change)));
			}
		}
		if (commands.size() > 1 && commands.stream().anyMatch(Unclear.class::isInstance)) {
			return List.of(target(refText, (ref) -> ChangeTask.of(ref, change)));
		}
		return commands.isEmpty() ? List.of(target(refText, (ref) -> ChangeTask.of(ref, change))) : commands;
	}

	private static List<Command> one(Command command) {
		return List.of(command);
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
