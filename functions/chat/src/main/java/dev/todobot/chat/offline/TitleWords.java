package dev.todobot.chat.offline;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches the words a user names a task by ("the bank call", "the dentist thing", "I
 * watered the plants") against task titles: each side becomes a set of word stems without
 * filler words, and a task scores one point per stem of the user's words in its title.
 * Stems are crude on purpose (an -s, -ed or -ing cut off, a few irregular verbs): both
 * sides are cut the same way, so "watered" meets "water" and "flights" meets "flight".
 */
final class TitleWords {

	private static final Set<String> FILLER = Set.of("the", "a", "an", "my", "your", "our", "to", "for", "of", "on",
			"in", "at", "with", "and", "or", "task", "tasks", "todo", "to-do", "item", "thing", "things", "one",
			"stuff", "it", "this", "that", "about", "from", "up", "i", "me", "is", "are", "be", "just", "already",
			"finally", "also", "all", "some", "anymore", "yet", "still", "now", "again", "please", "actually",
			"really");

	private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("bought", "buy"),
			Map.entry("paid", "pay"), Map.entry("got", "get"), Map.entry("did", "do"), Map.entry("done", "do"),
			Map.entry("sent", "send"), Map.entry("wrote", "write"), Map.entry("written", "write"),
			Map.entry("took", "take"), Map.entry("taken", "take"), Map.entry("made", "make"), Map.entry("went", "go"),
			Map.entry("gave", "give"), Map.entry("met", "meet"), Map.entry("left", "leave"),
			Map.entry("brought", "bring"), Map.entry("found", "find"), Map.entry("sold", "sell"),
			Map.entry("told", "tell"), Map.entry("rang", "ring"));

	private TitleWords() {
	}

	/**
	 * The stems of the words that carry meaning.
	 * @param text any words
	 * @return their stems, in order, without repeats
	 */
	static Set<String> stems(String text) {
		Set<String> stems = new LinkedHashSet<>();
		Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+"))
			.map((word) -> word.replaceAll("^[-']+|[-']+$|'s$", ""))
			.filter((word) -> !word.isEmpty() && !FILLER.contains(word))
			.map(TitleWords::stem)
			.forEach(stems::add);
		return stems;
	}

	/**
	 * How many of the user's stems the title holds.
	 * @param words the user's stems
	 * @param title a task's title
	 * @return the score, 0 for none
	 */
	static int score(Set<String> words, String title) {
		Set<String> titleStems = stems(title);
		return (int) words.stream().filter(titleStems::contains).count();
	}

	/**
	 * The tasks that match the user's words best.
	 * @param words what the user called the task
	 * @param tasks the candidates
	 * @return the best-scoring tasks (one when it is clear), none when no word matches
	 */
	static List<TaskItem> best(String words, List<TaskItem> tasks) {
		List<TaskItem> exact = tasks.stream().filter((task) -> task.title().equalsIgnoreCase(words.strip())).toList();
		if (exact.size() == 1) {
			return exact;
		}
		Set<String> stems = stems(words);
		int top = tasks.stream().mapToInt((task) -> score(stems, task.title())).max().orElse(0);
		if (top == 0) {
			return List.of();
		}
		return tasks.stream().filter((task) -> score(stems, task.title()) == top).toList();
	}

	static String stem(String word) {
		String irregular = IRREGULAR.get(word);
		if (irregular != null) {
			return irregular;
		}
		String stem = word;
		if (stem.length() > 4 && stem.endsWith("ies")) {
			stem = stem.substring(0, stem.length() - 3) + "y";
		}
		else if (stem.length() > 5 && stem.endsWith("ing")) {
			stem = undouble(stem.substring(0, stem.length() - 3));
		}
		else if (stem.length() > 4 && stem.endsWith("ed")) {
			stem = undouble(stem.substring(0, stem.length() - 2));
		}
		else if (stem.length() > 3 && stem.endsWith("s") && !stem.endsWith("ss")) {
			stem = stem.substring(0, stem.length() - 1);
		}
		if (stem.length() > 3 && stem.endsWith("e")) {
			// "renewe(d)" and "renew", "schedul(ed)" and "schedule" meet at the same stem
			stem = stem.substring(0, stem.length() - 1);
		}
		return stem;
	}

	private static String undouble(String stem) {
		int n = stem.length();
		if (n > 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bgmnprt".indexOf(stem.charAt(n - 1)) >= 0) {
			return stem.substring(0, n - 1);
		}
		return stem;
	}

}
