package dev.todobot.core.task;

import java.time.LocalDate;
import java.util.List;

import dev.todobot.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskChangesTests {

	private static final RequestedChanges.Spelling SNAKE = new RequestedChanges.Spelling("arguments", "thing",
			"due_date");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aDueDateSentAsNullIsRemoved() {
		TaskChanges changes = TaskChanges.requested(new Fields(null, null), sent("{\"due_date\":null}"), SNAKE);

		assertThat(changes.clearDueDate()).isTrue();
		assertThat(changes.dueDate()).isNull();
	}

	@Test
	void aMissingDueDateStaysAsItIs() {
		TaskChanges changes = TaskChanges.requested(new Fields("Renamed", null), sent("{\"title\":\"Renamed\"}"),
				SNAKE);

		assertThat(changes.clearDueDate()).isFalse();
		assertThat(changes.title()).isEqualTo("Renamed");
	}

	@Test
	void aDueDateSentIsSet() {
		LocalDate day = LocalDate.of(2030, 5, 3);
		TaskChanges changes = TaskChanges.requested(new Fields(null, day), sent("{\"due_date\":\"2030-05-03\"}"),
				SNAKE);

		assertThat(changes.dueDate()).isEqualTo(day);
		assertThat(changes.clearDueDate()).isFalse();
	}

	@Test
	void aRequestNamingNothingIsRefusedInItsOwnWords() {
		assertThatThrownBy(() -> TaskChanges.requested(new Fields(null, null), sent("{}"), SNAKE))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(refused) -> assertThat(refused.field()).isEqualTo("arguments"))
			.hasMessage("Name at least one thing to change: title, description, due_date, priority, tags or completed");
	}

	@Test
	void completionOnlyMarksTheTaskDone() {
		assertThat(TaskChanges.completion())
			.isEqualTo(new TaskChanges(null, null, null, false, null, null, Boolean.TRUE));
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

	}

}
