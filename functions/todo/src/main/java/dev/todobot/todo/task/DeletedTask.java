package dev.todobot.todo.task;

/**
 * The answer of {@code deleteTask}.
 */
public record DeletedTask(long id, boolean deleted) {

}
