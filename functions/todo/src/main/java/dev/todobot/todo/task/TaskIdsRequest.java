package dev.todobot.todo.task;

import java.util.List;

/**
 * The body of {@code completeTasks} and {@code deleteTasks}: 1 to 100 different task ids.
 */
public record TaskIdsRequest(List<Long> ids) {

}
