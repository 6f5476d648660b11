package dev.todobot.core.task;

import dev.todobot.core.error.DomainException;

/**
 * What a change of several tasks did to one of them: each task is changed in a
 * transaction of its own, so one that is refused leaves the others changed.
 *
 * @param id the task's id, as the caller sent it
 * @param task the task after the change (as it was, for a delete), or {@code null} when
 * refused
 * @param refused why the task was not changed, or {@code null}
 */
public record TaskOutcome(long id, TaskView task, DomainException refused) {

	public boolean ok() {
		return this.refused == null;
	}

}
