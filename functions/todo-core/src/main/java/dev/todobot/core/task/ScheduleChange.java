package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.recurrence.Recurrence;

/**
 * What a request changes of a task's {@link Schedule}; each field is a {@link Setting}
 * ({@code null}: as it is). The compact constructor checks what needs no stored task;
 * {@link TaskRules#schedule} checks the rest against the task.
 */
public record ScheduleChange(Setting<LocalDate> dueDate, Setting<LocalTime> dueTime, Setting<Instant> remindAt,
		Setting<Integer> remindBeforeMinutes, Setting<String> recurrence) {

	/** Nothing changes. */
	public static final ScheduleChange NONE = new ScheduleChange(null, null, null, null, null);

	public ScheduleChange {
		if (dueTime != null && !dueTime.clears()) {
			dueTime = new Setting<>(TaskRules.dueTime(dueTime.value()));
		}
		if (remindAt != null && !remindAt.clears()) {
			TaskRules.remindAt(remindAt.value());
		}
		if (remindBeforeMinutes != null && !remindBeforeMinutes.clears()) {
			TaskRules.remindBeforeMinutes(remindBeforeMinutes.value());
			if (remindAt != null && !remindAt.clears()) {
				throw new InvalidInputException("remindAt",
						"give remindAt (an instant) or remindBeforeMinutes (a lead before the due time), not both");
			}
		}
		if (recurrence != null && !recurrence.clears()) {
			recurrence = new Setting<>(Recurrence.parse(recurrence.value()).rule());
		}
	}

	boolean isEmpty() {
		return this.dueDate == null && this.dueTime == null && this.remindAt == null && this.remindBeforeMinutes == null
				&& this.recurrence == null;
	}

	/**
	 * Whether the change moves the reminder (and so clears when it went out).
	 */
	boolean movesReminder() {
		return this.dueDate != null || this.dueTime != null || this.remindAt != null
				|| this.remindBeforeMinutes != null;
	}

	/**
	 * Whether the reminder is computed in the owner's zone after this change of
	 * {@code current}.
	 */
	boolean needsZone(Schedule current) {
		return (this.remindBeforeMinutes != null) ? !this.remindBeforeMinutes.clears()
				: current.remindBeforeMinutes() != null && movesReminder();
	}

}
