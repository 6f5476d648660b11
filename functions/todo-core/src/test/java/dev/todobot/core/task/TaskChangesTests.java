package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.todobot.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskChangesTests {

	private static final RequestedChanges.Spelling SNAKE = new RequestedChanges.Spelling("arguments", "thing", true);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aDueDateSentAsNullIsRemoved() {
		TaskChanges changes = TaskChanges.requested(new Fields(null, null), sent("{\"due_date\":null}"), SNAKE);

		assertThat(changes.schedule().dueDate()).isEqualTo(new Setting<>(null));
	}

	@Test
	void aMissingDueDateStaysAsItIs() {
		TaskChanges changes = TaskChanges.requested(new Fields("Renamed", null), sent("{\"title\":\"Renamed\"}"),
				SNAKE);

		assertThat(changes.schedule().dueDate()).isNull();
		assertThat(changes.title()).isEqualTo("Renamed");
	}

	@Test
	void aDueDateSentIsSet() {
		LocalDate day = LocalDate.of(2030, 5, 3);
		TaskChanges changes = TaskChanges.requested(new Fields(null, day), sent("{\"due_date\":\"2030-05-03\"}"),
				SNAKE);

		assertThat(changes.schedule().dueDate()).isEqualTo(new Setting<>(day));
	}

	@Test
	void aRequestNamingNothingIsRefusedInItsOwnWords() {
		assertThatThrownBy(() -> TaskChanges.requested(new Fields(null, null), sent("{}"), SNAKE))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(refused) -> assertThat(refused.field()).isEqualTo("arguments"))
			.hasMessage("Name at least one thing to change: title, description, due_date, due_time, remind_at,"
					+ " remind_before_minutes, recurrence, priority, tags or completed");
	}

	@Test
	void completionOnlyMarksTheTaskDone() {
		assertThat(TaskChanges.completion())
			.isEqualTo(new TaskChanges(null, null, null, null, Boolean.TRUE, ScheduleChange.NONE));
	}

	@Test
	void aReminderSentBothWaysIsRefused() {
		assertThatThrownBy(() -> new ScheduleChange(null, null, new Setting<>(Instant.parse("2030-01-01T08:00:00Z")),
				new Setting<>(10), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(refused) -> assertThat(refused.field()).isEqualTo("remindAt"));
	}

	@Test
	void aLeadOfMoreThanAYearIsRefused() {
		assertThatThrownBy(() -> new ScheduleChange(null, null, null, new Setting<>(525_601), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(refused) -> assertThat(refused.field()).isEqualTo("remindBeforeMinutes"));
	}

	@Test
	void aRecurrenceSentAsNullIsRemoved() {
		TaskChanges changes = TaskChanges.requested(new Fields(null, null), sent("{\"recurrence\":null}"), SNAKE);

		assertThat(changes.schedule().recurrence()).isEqualTo(new Setting<>(null));
		assertThat(changes.schedule().dueTime()).isNull();
	}

	@Test
	void aDueTimeLosesItsSeconds() {
		assertThat(new ScheduleChange(null, new Setting<>(LocalTime.of(9, 30, 45)), null, null, null).dueTime())
			.isEqualTo(new Setting<>(LocalTime.of(9, 30)));
	}

	private static JsonNode sent(String body) {
		return json.readTree(body);
	}

	/** A request with a title and due date; nothing else. */
	private record Fields(String title, LocalDate dueDate) implements RequestedChanges {

		@Override
		public String description() {
			return null;
		}

		@Override
		public Priority priority() {
			return null;
		}

		@Override
		public List<String> tags() {
			return null;
		}

		@Override
		public Boolean completed() {
			return null;
		}

		@Override
		public LocalTime dueTime() {
			return null;
		}

		@Override
		public Instant remindAt() {
			return null;
		}

		@Override
		public Integer remindBeforeMinutes() {
			return null;
		}

		@Override
		public String recurrence() {
			return null;
		}

	}

}
