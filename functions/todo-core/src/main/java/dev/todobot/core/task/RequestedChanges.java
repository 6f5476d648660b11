package dev.todobot.core.task;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of an update request as a way in reads them (REST's body, MCP's arguments);
 * {@link TaskChanges#requested} turns them into changes by the rules they share.
 */
public interface RequestedChanges {

	String title();

	String description();

	LocalDate dueDate();

	Priority priority();

	List<String> tags();

	Boolean completed();

	/**
	 * How a way in spells an update, so its errors use the names its callers sent.
	 *
	 * @param request what the whole request is called ({@code body}, {@code arguments})
	 * @param field what one of its fields is called ({@code field}, {@code thing})
	 * @param dueDate the due date's name ({@code dueDate}, {@code due_date})
	 */
	record Spelling(String request, String field, String dueDate) {
	}

}
