package dev.todobot.core.task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.todobot.core.error.InvalidInputException;

/**
 * The rules a task's fields follow, written once for every way in (REST, CloudEvents,
 * MCP).
 */
final class TaskRules {

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_TAGS = 10;

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,31}");

	private TaskRules() {
	}

	static String title(String title) {
		String trimmed = (title != null) ? title.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("title", "title must not be empty");
		}
		if (trimmed.length() > MAX_TITLE) {
			throw new InvalidInputException("title",
					"title must be at most " + MAX_TITLE + " characters, not " + trimmed.length());
		}
		return trimmed;
	}

	static String description(String description) {
		if (description == null) {
			return null;
		}
		String trimmed = description.strip();
		if (trimmed.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("description",
					"description must be at most " + MAX_DESCRIPTION + " characters, not " + trimmed.length());
		}
		return trimmed;
	}

	/**
	 * Lower-cases the tags, drops a leading '#' and repeats, and checks them.
	 */
	static List<String> tags(List<String> tags) {
		if (tags == null) {
			return null;
		}
		Set<String> normalized = new LinkedHashSet<>();
		for (String tag : tags) {
			normalized.add(tag("tags", tag));
		}
		if (normalized.size() > MAX_TAGS) {
			throw new InvalidInputException("tags",
					"a task has at most " + MAX_TAGS + " tags, not " + normalized.size());
		}
		return List.copyOf(new ArrayList<>(normalized));
	}

	/**
	 * One tag.
	 * @param field the field it came from, for the error
	 */
	static String tag(String field, String tag) {
		String word = (tag != null) ? tag.strip().toLowerCase(Locale.ROOT) : "";
		if (word.startsWith("#")) {
			word = word.substring(1);
		}
		if (!TAG.matcher(word).matches()) {
			throw new InvalidInputException(field,
					"a tag is one word of letters, digits, '-' or '_', up to 32 characters, not '" + tag + "'");
		}
		return word;
	}

}
