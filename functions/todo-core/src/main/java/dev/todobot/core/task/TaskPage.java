package dev.todobot.core.task;

import java.util.List;

/**
 * One page of tasks.
 *
 * @param nextCursor pass it back for the next page; {@code null} on the last page
 */
public record TaskPage(List<TaskView> items, String nextCursor) {

}
