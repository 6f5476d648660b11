package dev.todobot.mcp.tool;

import java.util.List;

/**
 * The arguments of {@code complete_tasks} and {@code delete_tasks}; the task service
 * checks the ids.
 */
record TaskIdsArguments(List<Long> ids) {

}
