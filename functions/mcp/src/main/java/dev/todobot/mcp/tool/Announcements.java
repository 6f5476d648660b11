package dev.todobot.mcp.tool;

import java.util.List;

import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.event.TaskEvents;
import dev.todobot.core.task.TaskOutcome;
import dev.todobot.core.task.TaskView;

/**
 * Announces each change a tool made to {@code K_SINK}, as the todo function announces the
 * same change: a recurring task completed through MCP (by chat, or any MCP client) gets
 * its next occurrence like one completed in the web UI.
 */
final class Announcements {

	private final CloudEventSender sender;

	private final TaskEvents events;

	Announcements(CloudEventSender sender, TaskEvents events) {
		this.sender = sender;
		this.events = events;
	}

	void changed(TaskEvent type, long userId, TaskView task) {
		this.sender.announce(this.events.changed(type, userId, task));
	}

	void updated(long userId, TaskView task) {
		changed(TaskEvent.ofUpdate(task), userId, task);
	}

	void deleted(long userId, long taskId) {
		this.sender.announce(this.events.deleted(userId, taskId));
	}

	/**
	 * Announces each task a change of several changed, as if it had been changed alone.
	 * @param type {@link TaskEvent#COMPLETED} or {@link TaskEvent#DELETED}
	 */
	void each(TaskEvent type, long userId, List<TaskOutcome> outcomes) {
		for (TaskOutcome outcome : outcomes) {
			if (!outcome.ok()) {
				continue;
			}
			if (type == TaskEvent.DELETED) {
				deleted(userId, outcome.id());
			}
			else {
				changed(type, userId, outcome.task());
			}
		}
	}

}
