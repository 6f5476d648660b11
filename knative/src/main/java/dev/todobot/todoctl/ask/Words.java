package dev.todobot.todoctl.ask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request cut into lower-case words and numbers, with the look-ups the parser's rules
 * need.
 */
final class Words {

	private static final Pattern TOKEN = Pattern.compile("-?\\d+|[a-z]+");

	private static final Map<String, String> CONTRACTIONS = Map.of("what's", "what is", "isn't", "is not", "don't",
			"do not", "doesn't", "does not", "let's", "let us", "it's", "it is", "can't", "cannot", "won't", "will not",
			"who's", "who is");

	private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("single", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
			Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
			Map.entry("nine", 9), Map.entry("ten", 10));

	private final List<String> tokens;

	private Words(List<String> tokens) {
		this.tokens = tokens;
	}

	static Words of(String request) {
		String text = request.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
		for (Map.Entry<String, String> contraction : CONTRACTIONS.entrySet()) {
			text = text.replace(contraction.getKey(), contraction.getValue());
		}
		// "1-3 pods" is a range, not a negative three
		text = text.replaceAll("(\\d)\\s*-\\s*(\\d)", "$1 to $2");
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return new Words(Collections.unmodifiableList(tokens));
	}

	boolean isEmpty() {
		return this.tokens.isEmpty();
	}

	int size() {
		return this.tokens.size();
	}

	String get(int index) {
		return (index >= 0 && index < this.tokens.size()) ? this.tokens.get(index) : "";
	}

	boolean hasAny(Set<String> words) {
		return this.tokens.stream().anyMatch(words::contains);
	}

	/**
	 * Where a phrase of one or more words starts.
	 * @param phrase words separated by single spaces
	 * @return the index of each occurrence
	 */
	List<Integer> find(String phrase) {
		List<String> parts = List.of(phrase.split(" "));
		List<Integer> found = new ArrayList<>();
		for (int i = 0; i + parts.size() <= this.tokens.size(); i++) {
			if (this.tokens.subList(i, i + parts.size()).equals(parts)) {
				found.add(i);
			}
		}
		return found;
	}

	boolean has(String phrase) {
		return !find(phrase).isEmpty();
	}

	/**
	 * The number a word stands for: digits (negative too) or one of zero to ten.
	 * @param index the word's position
	 * @return the number, {@code null} when the word is not one
	 */
	Integer number(int index) {
		String word = get(index);
		if (word.matches("-?\\d+")) {
			try {
				return Integer.valueOf(word);
			}
			catch (NumberFormatException ex) {
				// more digits than an int holds: keep the sign so that the rules still
				// see it
				return word.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
			}
		}
		return NUMBER_WORDS.get(word);
	}

}
