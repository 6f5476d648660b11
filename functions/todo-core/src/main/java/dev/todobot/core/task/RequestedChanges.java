package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of an update request as a way in reads them (REST's body, MCP's arguments);
 * {@link TaskChanges#requested} turns them into changes by the rules they share.
 */
public interface RequestedChanges {

	String title();

	String description();

	LocalDate dueDate();

	LocalTime dueTime();

	Instant remindAt();

	Integer remindBeforeMinutes();

	String recurrence();

	Priority priority();

	List<String> tags();

	Boolean completed();

	/**
	 * How a way in spells an update, so its errors use the names its callers sent.
	 *
	 * @param request what the whole request is called ({@code body}, {@code arguments})
	 * @param field what one of its fields is called ({@code field}, {@code thing})
	 * @param snakeCase whether fields are named in snake_case ({@code due_date}) rather
	 * than camelCase ({@code dueDate})
	 */
	record Spelling(String request, String field, boolean snakeCase) {

		private static final Pattern HUMP = Pattern.compile("(?=\\p{Upper})");

		/**
		 * A field's name as this way in spells it.
		 * @param camelCase the name in camelCase, such as {@code remindAt}
		 * @return such as {@code remind_at}
		 */
		public String name(String camelCase) {
			return this.snakeCase ? String.join("_", HUMP.split(camelCase)).toLowerCase(Locale.ROOT) : camelCase;
		}

	}

}
