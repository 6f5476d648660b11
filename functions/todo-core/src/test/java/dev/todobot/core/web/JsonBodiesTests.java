package dev.todobot.core.web;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonBodiesTests {

	private final JsonBodies json = new JsonBodies();

	@Test
	void recordComponentIsReadUnderItsJsonPropertyName() {
		Due due = this.json.convert(this.json.readTree("{\"due_date\":\"2030-05-03\"}".getBytes()), Due.class);
		assertThat(due.dueDate()).isEqualTo(LocalDate.of(2030, 5, 3));
	}

	@Test
	void unknownFieldIsRefusedNamingTheJsonNames() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.json.convert(this.json.readTree("{\"dueDate\":\"2030-05-03\"}".getBytes()), Due.class))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("dueDate"))
			.withMessageContaining("known fields are due_date");
	}

	@Test
	void badValueNamesTheJsonName() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> this.json.convert(this.json.readTree("{\"due_date\":\"tomorrow\"}".getBytes()), Due.class))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("due_date"))
			.withMessage("due_date must be a date like 2030-12-31");
	}

	record Due(@JsonProperty("due_date") LocalDate dueDate) {
	}

}
