package dev.todobot.chat.offline;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due-date phrases, read on Wednesday 2026-06-10.
 */
class OfflineDueDateParserTests {

	private static final LocalDate WEDNESDAY = LocalDate.of(2026, 6, 10);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			today                  | 2026-06-10
			tonight                | 2026-06-10
			tomorrow               | 2026-06-11
			Tomorrow               | 2026-06-11
			the day after tomorrow | 2026-06-12
			in 3 days              | 2026-06-13
			in a week              | 2026-06-17
			in two weeks           | 2026-06-24
			in 1 month             | 2026-07-10
			next week              | 2026-06-15
			next month             | 2026-07-01
			the weekend            | 2026-06-13
			friday                 | 2026-06-12
			on Friday              | 2026-06-12
			by next friday         | 2026-06-12
			wednesday              | 2026-06-17
			by fri                 | 2026-06-12
			on tue.                | 2026-06-16
			2030-05-03             | 2030-05-03
			due 2030-05-03         | 2030-05-03
			May 3                  | 2027-05-03
			July 4th               | 2026-07-04
			the 4th of July        | 2026-07-04
			dec 24, 2026           | 2026-12-24
			the 15th               | 2026-06-15
			on the 5th             | 2026-07-05
			end of the week        | 2026-06-12
			by the end of the month | 2026-06-30
			""")
	void readsDatePhrases(String phrase, LocalDate date) {
		assertThat(DueDateParser.parse(phrase, WEDNESDAY)).contains(date);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "someday", "soon", "2030-02-31", "April 31", "fri", "sun", "may", "3 apples", "buy milk" })
	void ignoresWhatIsNoDate(String text) {
		assertThat(DueDateParser.parse(text, WEDNESDAY)).isEmpty();
	}

	@Test
	void findsTheLastPhraseWithItsPrefix() {
		String text = "plan monday meeting by friday";

		DueDateParser.Found found = DueDateParser.find(text, WEDNESDAY).orElseThrow();

		assertThat(found.date()).isEqualTo(LocalDate.of(2026, 6, 12));
		assertThat(text.substring(found.start(), found.end())).isEqualTo("by friday");
	}

	@Test
	void takesABareWeekdayBeforeAnotherWordForPartOfAName() {
		assertThat(DueDateParser.find("plan monday meeting", WEDNESDAY)).isEmpty();
		assertThat(DueDateParser.find("water plants friday at 5", WEDNESDAY)).map(DueDateParser.Found::date)
			.contains(LocalDate.of(2026, 6, 12));
	}

	@Test
	void findsNothingInsideWords() {
		assertThat(DueDateParser.find("call Mayday 3 and #friday", WEDNESDAY)).isEmpty();
	}

}
