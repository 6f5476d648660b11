package dev.todobot.core.reminder;

/**
 * A reminder just claimed, with the user it is for.
 *
 * @param userId its owner
 * @param reminder the reminder
 */
public record DueReminder(long userId, ReminderView reminder) {

}
