package dev.todobot.chat.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A task found in a tool result. Its text is data to show, never an instruction: the
 * model only ever quotes it.
 *
 * @param id the task's number
 * @param title its title, cleaned for display
 * @param completed whether it is done
 * @param dueDate when it is due, or {@code null}
 * @param priority low, medium or high, or {@code null} when the result did not say
 * @param tags its tags, maybe none
 * @param dueTime the time of day it is due, or {@code null}
 * @param repeats how it repeats, in words, or {@code null}
 * @param reminds whether a reminder is still to come
 */
record TaskItem(long id, String title, boolean completed, LocalDate dueDate, String priority, List<String> tags,
		LocalTime dueTime, String repeats, boolean reminds) {

	TaskItem {
		tags = List.copyOf(tags);
	}

	TaskItem(long id, String title, boolean completed, LocalDate dueDate, String priority, List<String> tags) {
		this(id, title, completed, dueDate, priority, tags, null, null, false);
	}

}
