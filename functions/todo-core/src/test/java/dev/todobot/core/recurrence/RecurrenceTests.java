package dev.todobot.core.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.todobot.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			FREQ=DAILY                         | every day
			FREQ=DAILY;INTERVAL=3              | every 3 days
			FREQ=WEEKLY;BYDAY=MO,WE            | every week on Monday and Wednesday
			FREQ=WEEKLY;INTERVAL=2;BYDAY=FR    | every 2 weeks on Friday
			FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR   | every weekday
			FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR    | every weekday
			FREQ=MONTHLY;BYMONTHDAY=1          | every month on day 1
			FREQ=MONTHLY;BYMONTHDAY=1,15       | every month on days 1 and 15
			FREQ=MONTHLY;BYMONTHDAY=-1         | every month on the last day
			FREQ=MONTHLY;BYDAY=1MO             | every month on the first Monday
			FREQ=MONTHLY;BYDAY=-1FR            | every month on the last Friday
			FREQ=MONTHLY;INTERVAL=3            | every 3 months
			FREQ=YEARLY                        | every year
			FREQ=DAILY;COUNT=5                 | every day, 5 times
			FREQ=WEEKLY;BYDAY=SU;UNTIL=20270401 | every week on Sunday, until 2027-04-01
			""")
	void describesTheRuleInEnglish(String rule, String text) {
		assertThat(Recurrence.parse(rule).describe()).isEqualTo(text);
	}

	@Test
	void acceptsAPrefixAndAnyCase() {
		assertThat(Recurrence.parse(" rrule:freq=weekly;byday=mo ").rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
	}

	@Test
	void anUntilWithATimeCountsAsItsDay() {
		Recurrence rule = Recurrence.parse("FREQ=DAILY;UNTIL=20270305T120000Z");

		assertThat(rule.nextAfter(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 4)))
			.contains(LocalDate.of(2027, 3, 5));
		assertThat(rule.nextAfter(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 5))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			FREQ=HOURLY                        | FREQ=HOURLY is not supported
			FREQ=DAILY;BYHOUR=9                | part BYHOUR is not supported
			FREQ=YEARLY;BYMONTH=3              | part BYMONTH is not supported
			FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=1  | part BYSETPOS is not supported
			FREQ=WEEKLY;BYDAY=1MO              | is no valid RRULE
			FREQ=WEEKLY;BYMONTHDAY=3           | BYMONTHDAY is not allowed in WEEKLY rules
			FREQ=DAILY;BYMONTHDAY=3            | BYMONTHDAY is for FREQ=MONTHLY only
			FREQ=YEARLY;BYDAY=MO               | a yearly task repeats on its first due date
			FREQ=DAILY;COUNT=2;UNTIL=20270305  | is no valid RRULE
			FREQ=DAILY;INTERVAL=0              | is no valid RRULE
			FREQ=DAILY;FOO=1                   | is no valid RRULE
			INTERVAL=2                         | is no valid RRULE
			every day                          | is no valid RRULE
			""")
	void refusesWhatIsOutsideTheSubsetNamingTheField(String rule, String message) {
		assertThatThrownBy(() -> Recurrence.parse(rule))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(refused) -> assertThat(refused.field()).isEqualTo("recurrence"))
			.hasMessageContaining(message);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void refusesAnEmptyRule(String rule) {
		assertThatThrownBy(() -> Recurrence.parse(rule)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("send null");
	}

	@Test
	void nextAfterFollowsTheRuleFromItsStart() {
		Recurrence everyThreeDays = Recurrence.parse("FREQ=DAILY;INTERVAL=3");
		LocalDate start = LocalDate.of(2027, 3, 2);

		assertThat(everyThreeDays.nextAfter(start, start)).contains(LocalDate.of(2027, 3, 5));
		// done late: the next is the rule's next day after the one done, not three days
		// on
		assertThat(everyThreeDays.nextAfter(start, LocalDate.of(2027, 3, 6))).contains(LocalDate.of(2027, 3, 8));
	}

	@Test
	void nextAfterOnWeekdaysAndMonthDays() {
		LocalDate tuesday = LocalDate.of(2027, 3, 2);

		assertThat(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE").nextAfter(tuesday, tuesday))
			.contains(LocalDate.of(2027, 3, 3));
		assertThat(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE").nextAfter(tuesday, LocalDate.of(2027, 3, 3)))
			.contains(LocalDate.of(2027, 3, 8));
		assertThat(Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=31").nextAfter(tuesday, LocalDate.of(2027, 3, 31)))
			.contains(LocalDate.of(2027, 5, 31));
		assertThat(Recurrence.parse("FREQ=MONTHLY;BYDAY=-1FR").nextAfter(tuesday, LocalDate.of(2027, 3, 26)))
			.contains(LocalDate.of(2027, 4, 30));
		assertThat(Recurrence.parse("FREQ=YEARLY").nextAfter(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29)))
			.contains(LocalDate.of(2032, 2, 29));
	}

	@Test
	void nextAfterRespectsCount() {
		Recurrence threeTimes = Recurrence.parse("FREQ=DAILY;COUNT=3");
		LocalDate start = LocalDate.of(2027, 3, 2);

		assertThat(threeTimes.nextAfter(start, start)).contains(LocalDate.of(2027, 3, 3));
		assertThat(threeTimes.nextAfter(start, LocalDate.of(2027, 3, 3))).contains(LocalDate.of(2027, 3, 4));
		assertThat(threeTimes.nextAfter(start, LocalDate.of(2027, 3, 4))).isEmpty();
	}

	@Test
	void nextAfterRespectsUntil() {
		Recurrence untilFriday = Recurrence.parse("FREQ=DAILY;UNTIL=20270305");
		LocalDate start = LocalDate.of(2027, 3, 2);

		assertThat(untilFriday.nextAfter(start, LocalDate.of(2027, 3, 4))).contains(LocalDate.of(2027, 3, 5));
		assertThat(untilFriday.nextAfter(start, LocalDate.of(2027, 3, 5))).isEmpty();
	}

	@Test
	void aDailyNineOClockReminderInBerlinStaysAtNineAcrossTheChangeToSummerTime() {
		Recurrence daily = Recurrence.parse("FREQ=DAILY");
		LocalDate start = LocalDate.of(2027, 3, 26);
		List<Instant> reminders = new ArrayList<>();
		LocalDate day = start;
		for (int i = 0; i < 4; i++) {
			reminders.add(Reminders.remindAt(day, LocalTime.of(9, 0), 0, BERLIN));
			day = daily.nextAfter(start, day).orElseThrow();
		}

		// clocks go forward on 2027-03-28: 09:00 in Berlin is 08:00Z before, 07:00Z after
		assertThat(reminders).containsExactly(Instant.parse("2027-03-26T08:00:00Z"),
				Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-28T07:00:00Z"),
				Instant.parse("2027-03-29T07:00:00Z"));
		assertThat(reminders)
			.allSatisfy((instant) -> assertThat(instant.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
	}

	@Test
	void aReminderSetAsAnInstantKeepsItsLeadAcrossTheChange() {
		// 08:30 Berlin (07:30Z) before a 09:00 task on the Saturday before the change
		Instant first = Instant.parse("2027-03-27T07:30:00Z");

		Instant next = Reminders.sameLead(first, LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 28),
				LocalTime.of(9, 0), BERLIN);

		assertThat(next).isEqualTo(Instant.parse("2027-03-28T06:30:00Z"));
	}

	@Test
	void aReminderBeforeATaskWithoutATimeCountsFromNine() {
		assertThat(Reminders.remindAt(LocalDate.of(2027, 6, 1), null, 30, BERLIN))
			.isEqualTo(Instant.parse("2027-06-01T06:30:00Z"));
	}

	@Test
	void equalRulesAreEqual() {
		assertThat(Recurrence.parse("freq=daily")).isEqualTo(Recurrence.parse("FREQ=DAILY"));
		assertThat(Optional.of(Recurrence.parse("FREQ=DAILY")).map(Recurrence::rule)).contains("FREQ=DAILY");
	}

}
