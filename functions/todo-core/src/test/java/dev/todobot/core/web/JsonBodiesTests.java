package dev.todobot.core.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todobot.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest
	@ValueSource(strings = { "{\"due_date\":\"+999999999-12-31\"}", "{\"due_date\":\"+10000-01-01\"}",
			"{\"due_date\":20301231}", "{\"due_date\":[2030,12,31]}", "{\"due_date\":\"2030-1-1\"}" })
	void dateIsAFullDateWithAFourDigitYear(String body) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.json.convert(this.json.readTree(body.getBytes()), Due.class))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("due_date"))
			.withMessage("due_date must be a date like 2030-12-31");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"title\":\"a\\u0000b\"}", "{\"tags\":[\"ok\",\"\\u0000\"]}", "{\"title\":\"\\ud800\"}",
			"{\"tags\":[\"\\udc00\\ud800\"]}" })
	void textPostgresqlCannotStoreIsRefusedNamingItsPlace(String body) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.json.convert(this.json.readTree(body.getBytes()), Texts.class))
			.satisfies((ex) -> assertThat(ex.field()).isIn("title", "tags[0]", "tags[1]"));
	}

	@Test
	void textWithAPairedSurrogateIsKept() {
		Texts texts = this.json.convert(this.json.readTree("{\"title\":\"\\ud83d\\ude00 ok\"}".getBytes()),
				Texts.class);
		assertThat(texts.title()).isEqualTo("\uD83D\uDE00 ok");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":9223372036854775808}", "{\"id\":-9223372036854775809}", "{\"count\":2147483648}",
			"{\"id\":1.5}", "{\"count\":1e400}" })
	void numberOutOfItsTypeIsRefusedNamingTheField(String body) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.json.convert(this.json.readTree(body.getBytes()), Numbers.class))
			.satisfies((ex) -> assertThat(ex.field()).isIn("id", "count"))
			.withMessageContaining("must be a whole number");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"level\":0}", "{\"level\":1}", "{\"level\":9223372036854775808}" })
	void nameIsNotAPosition(String body) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.json.convert(this.json.readTree(body.getBytes()), Numbers.class))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("level"))
			.withMessage("level must be one of low, high");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"due_time\":\"9:30\"}", "{\"due_time\":\"24:00\"}", "{\"due_time\":930}",
			"{\"due_time\":\"09:30+01:00\"}", "{\"due_time\":[9,30]}" })
	void timeIsHoursAndMinutes(String body) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.json.convert(this.json.readTree(body.getBytes()), Times.class))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("due_time"))
			.withMessage("due_time must be a time like 09:30");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"remind_at\":1893456000}", "{\"remind_at\":\"2030-12-31T09:00:00\"}",
			"{\"remind_at\":\"2030-12-31\"}", "{\"remind_at\":1.5}" })
	void instantIsIsoTextWithItsOffset(String body) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.json.convert(this.json.readTree(body.getBytes()), Times.class))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("remind_at"))
			.withMessage("remind_at must be an instant like 2030-12-31T09:00:00+01:00");
	}

	@Test
	void timesAreReadWithTheirOffset() {
		Times times = this.json.convert(
				this.json.readTree("{\"due_time\":\"09:30\",\"remind_at\":\"2030-12-31T09:00:00+01:00\"}".getBytes()),
				Times.class);

		assertThat(times).isEqualTo(new Times(LocalTime.of(9, 30), Instant.parse("2030-12-31T08:00:00Z")));
	}

	record Times(@JsonProperty("due_time") LocalTime dueTime, @JsonProperty("remind_at") Instant remindAt) {
	}

	record Due(@JsonProperty("due_date") LocalDate dueDate) {
	}

	record Texts(String title, List<String> tags) {
	}

	record Numbers(Long id, Integer count, Level level) {
	}

	enum Level {

		LOW, HIGH

	}

}
