package dev.todobot.core.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A reminder that came due, as the user's reminders list shows it and as the data of
 * {@code todo.reminder.due}.
 *
 * @param id the reminder's id
 * @param taskId the task it reminds of; {@code null} never, as a deleted task takes its
 * reminders along
 * @param title the task's title when the reminder came due
 * @param dueDate the task's due date then
 * @param dueTime the task's due time then, {@code HH:mm} in the owner's zone
 * @param remindAt when it was due
 * @param createdAt when it went out
 */
public record ReminderView(long id, Long taskId, String title, LocalDate dueDate,
		@JsonFormat(pattern = "HH:mm") LocalTime dueTime, Instant remindAt, Instant createdAt) {

}
