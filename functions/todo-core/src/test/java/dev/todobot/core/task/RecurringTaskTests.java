package dev.todobot.core.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.todobot.core.db.Database;
import dev.todobot.core.db.PoolSettings;
import dev.todobot.core.db.ReactiveDatabase;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Due times, reminders and recurrence in the task service, on a real PostgreSQL.
 */
class RecurringTaskTests {

	private static Database database;

	private static TaskService tasks;

	@BeforeAll
	static void startDatabase() {
		database = new Database(ReactiveDatabase.sessionFactory(EmbeddedDatabase.settings(), PoolSettings.defaults(),
				List.of(Task.class, User.class)));
		tasks = new TaskService(database, EmbeddedDatabase.JWT_SECRET.getBytes(), Clock.systemUTC());
	}

	@AfterAll
	static void closeDatabase() {
		database.close();
	}

	private static long newUser(String zone) {
		String email = UUID.randomUUID() + "@example.com";
		EmbeddedDatabase.execute(
				"insert into users (email, password_hash, time_zone) values ('" + email + "', 'x', '" + zone + "')");
		return EmbeddedDatabase.count("select id from users where email = '" + email + "'");
	}

	private static NewTask task(LocalDate dueDate, LocalTime dueTime, Instant remindAt, Integer before,
			String recurrence) {
		return new NewTask("Water the plants", null, dueDate, Priority.HIGH, List.of("home"), dueTime, remindAt, before,
				recurrence);
	}

	private static TaskView complete(long user, TaskView task) {
		return tasks.complete(user, task.id(), null).block();
	}

	@Test
	void aReminderBeforeTheDueTimeIsCountedInTheOwnersZone() {
		long user = newUser("Europe/Berlin");

		TaskView task = tasks.add(user, task(LocalDate.of(2027, 7, 1), LocalTime.of(18, 30), null, 60, null)).block();

		assertThat(task.dueTime()).isEqualTo(LocalTime.of(18, 30));
		assertThat(task.remindAt()).isEqualTo(Instant.parse("2027-07-01T15:30:00Z"));
		assertThat(task.remindBeforeMinutes()).isEqualTo(60);
		assertThat(tasks.get(user, task.id()).block()).isEqualTo(task);
	}

	@Test
	void aRecurringTaskIsDescribed() {
		long user = newUser("UTC");

		TaskView task = tasks.add(user, task(LocalDate.of(2027, 7, 1), null, null, null, "freq=daily;interval=3"))
			.block();

		assertThat(task.recurrence()).isEqualTo("FREQ=DAILY;INTERVAL=3");
		assertThat(task.recurrenceText()).isEqualTo("every 3 days");
	}

	@Test
	void whatNeedsADueDateIsRefusedWithoutOne() {
		long user = newUser("UTC");

		for (NewTask undated : List.of(task(null, LocalTime.NOON, null, null, null), task(null, null, null, 10, null),
				task(null, null, null, null, "FREQ=DAILY"))) {
			assertThatThrownBy(() -> tasks.add(user, undated).block()).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("needs a dueDate");
		}
		assertThat(EmbeddedDatabase.count("select count(*) from tasks where user_id = " + user)).isZero();
	}

	@Test
	void changingTheDueTimeMovesARelativeReminderAndSendsItAgain() {
		long user = newUser("America/New_York");
		TaskView task = tasks.add(user, task(LocalDate.of(2027, 1, 10), LocalTime.of(9, 0), null, 15, null)).block();
		EmbeddedDatabase.execute("update tasks set reminded_at = now() where id = " + task.id());

		TaskView moved = tasks
			.update(user, task.id(),
					new TaskChanges(null, null, null, null, null,
							new ScheduleChange(null, new Setting<>(LocalTime.of(10, 0)), null, null, null)),
					null)
			.block();

		assertThat(moved.remindAt()).isEqualTo(Instant.parse("2027-01-10T14:45:00Z"));
		assertThat(moved.remindedAt()).isNull();
		assertThat(moved.version()).isEqualTo(task.version() + 1);
	}

	@Test
	void removingTheDueDateRemovesWhatNeedsIt() {
		long user = newUser("UTC");
		TaskView task = tasks.add(user, task(LocalDate.of(2027, 1, 10), LocalTime.of(9, 0), null, 15, "FREQ=DAILY"))
			.block();

		TaskView undated = tasks
			.update(user, task.id(),
					new TaskChanges(null, null, null, null, null,
							new ScheduleChange(new Setting<>(null), null, null, null, null)),
					null)
			.block();

		assertThat(undated.dueDate()).isNull();
		assertThat(undated.dueTime()).isNull();
		assertThat(undated.remindAt()).isNull();
		assertThat(undated.remindBeforeMinutes()).isNull();
		assertThat(undated.recurrence()).isNull();
	}

	@Test
	void anInstantReplacesALead() {
		long user = newUser("UTC");
		TaskView task = tasks.add(user, task(LocalDate.of(2027, 1, 10), null, null, 15, null)).block();
		Instant at = Instant.parse("2027-01-09T20:00:00Z");

		TaskView changed = tasks
			.update(user, task.id(),
					new TaskChanges(null, null, null, null, null,
							new ScheduleChange(null, null, new Setting<>(at), null, null)),
					null)
			.block();

		assertThat(changed.remindAt()).isEqualTo(at);
		assertThat(changed.remindBeforeMinutes()).isNull();
	}

	@Test
	void theNextOccurrenceKeepsNineOClockInBerlinAcrossTheChangeToSummerTime() {
		long user = newUser("Europe/Berlin");
		TaskView saturday = tasks.add(user, task(LocalDate.of(2027, 3, 27), LocalTime.of(9, 0), null, 0, "FREQ=DAILY"))
			.block();
		assertThat(saturday.remindAt()).isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
		complete(user, saturday);

		NextOccurrence sunday = tasks.addNextOccurrence(saturday.id()).block();

		assertThat(sunday.userId()).isEqualTo(user);
		assertThat(sunday.task().dueDate()).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(sunday.task().dueTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(sunday.task().remindAt()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
		assertThat(sunday.task())
			.extracting(TaskView::title, TaskView::priority, TaskView::tags, TaskView::recurrence, TaskView::completed,
					TaskView::remindedAt)
			.containsExactly("Water the plants", "high", List.of("home"), "FREQ=DAILY", false, null);
	}

	@Test
	void anInstantReminderKeepsItsLeadInTheNextOccurrence() {
		long user = newUser("Europe/Berlin");
		// 20:00 the evening before a 09:00 task on Mondays
		TaskView monday = tasks
			.add(user,
					task(LocalDate.of(2027, 3, 22), LocalTime.of(9, 0), Instant.parse("2027-03-21T19:00:00Z"), null,
							"FREQ=WEEKLY;BYDAY=MO"))
			.block();
		complete(user, monday);

		TaskView next = tasks.addNextOccurrence(monday.id()).block().task();

		assertThat(next.dueDate()).isEqualTo(LocalDate.of(2027, 3, 29));
		assertThat(next.remindAt()).isEqualTo(Instant.parse("2027-03-28T18:00:00Z"));
	}

	@Test
	void theNextOccurrenceIsAddedOnceHoweverOftenItIsAskedFor() throws Exception {
		long user = newUser("UTC");
		TaskView task = tasks.add(user, task(LocalDate.of(2027, 5, 1), null, null, null, "FREQ=MONTHLY;BYMONTHDAY=1"))
			.block();
		complete(user, task);
		Callable<NextOccurrence> next = () -> tasks.addNextOccurrence(task.id()).block();

		List<NextOccurrence> added;
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			List<Future<NextOccurrence>> calls = threads.invokeAll(List.of(next, next, next, next));
			added = calls.stream().map(Future::resultNow).filter((occurrence) -> occurrence != null).toList();
		}

		assertThat(added).hasSize(1);
		assertThat(added.getFirst().task().dueDate()).isEqualTo(LocalDate.of(2027, 6, 1));
		assertThat(tasks.addNextOccurrence(task.id()).blockOptional()).isEmpty();
		assertThat(EmbeddedDatabase.count("select count(*) from tasks where previous_task_id = " + task.id()))
			.isEqualTo(1);
	}

	@Test
	void noNextOccurrenceWhenTheRuleHasEndedOrTheTaskIsNotDoneOrDoesNotRepeat() {
		long user = newUser("UTC");
		TaskView twice = tasks.add(user, task(LocalDate.of(2027, 5, 1), null, null, null, "FREQ=DAILY;COUNT=2"))
			.block();
		complete(user, twice);
		TaskView second = tasks.addNextOccurrence(twice.id()).block().task();
		complete(user, second);
		TaskView open = tasks.add(user, task(LocalDate.of(2027, 5, 1), null, null, null, "FREQ=DAILY")).block();
		TaskView once = tasks.add(user, task(LocalDate.of(2027, 5, 1), null, null, null, null)).block();
		complete(user, once);

		assertThat(second.dueDate()).isEqualTo(LocalDate.of(2027, 5, 2));
		assertThat(tasks.addNextOccurrence(second.id()).blockOptional()).isEmpty();
		assertThat(tasks.addNextOccurrence(open.id()).blockOptional()).isEmpty();
		assertThat(tasks.addNextOccurrence(once.id()).blockOptional()).isEmpty();
		assertThat(tasks.addNextOccurrence(Long.MAX_VALUE).blockOptional()).isEmpty();
	}

}
