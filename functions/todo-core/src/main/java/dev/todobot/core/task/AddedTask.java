package dev.todobot.core.task;

/**
 * The answer to an add with an idempotency key.
 *
 * @param task the task
 * @param replayed whether an earlier request with the same key added it, so that this one
 * changed nothing
 */
public record AddedTask(TaskView task, boolean replayed) {

}
