package dev.todobot.core.task;

/**
 * The next occurrence of a recurring task, as {@link TaskService#addNextOccurrence} added
 * it.
 *
 * @param userId its owner, for announcing it
 * @param task the new task
 */
public record NextOccurrence(long userId, TaskView task) {

}
