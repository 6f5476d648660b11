package dev.todobot.core.reminder;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import dev.todobot.core.db.Database;
import reactor.core.publisher.Mono;

/**
 * Claims the reminders that are due: each one exactly once, however many ticks or
 * replicas claim at the same time.
 */
public class DueReminders {

	/**
	 * In one statement, so in one transaction: locks due tasks, skipping those another
	 * claim holds (it takes them, and this one takes the next), marks them reminded and
	 * adds their reminders. A task another claim has just marked no longer matches
	 * {@code reminded_at is null} once its lock is released, so it is never claimed
	 * twice. The task's version stays: the reminder going out is no edit of the user's,
	 * and must not make their next edit stale.
	 */
	private static final String CLAIM = """
			with due as (
			    select id from tasks
			    where remind_at <= now() and reminded_at is null and not completed
			    order by remind_at
			    limit :limit
			    for update skip locked
			), claimed as (
			    update tasks t set reminded_at = now() from due where t.id = due.id
			    returning t.id, t.user_id, t.title, t.due_date, t.due_time, t.remind_at
			)
			insert into reminders (user_id, task_id, title, due_date, due_time, remind_at)
			select user_id, id, title, due_date, due_time, remind_at from claimed
			returning id, user_id, task_id, title, due_date, due_time, remind_at, created_at
			""";

	private final Database database;

	public DueReminders(Database database) {
		this.database = database;
	}

	/**
	 * Claims up to {@code limit} due reminders, the longest due first.
	 * @param limit the most to claim at once
	 * @return the reminders claimed, committed; fewer than {@code limit} when no more are
	 * due
	 */
	public Mono<List<DueReminder>> claim(int limit) {
		return this.database.transaction((session) -> session.<Object[]>createNativeQuery(CLAIM)
			.setParameter("limit", limit)
			.getResultList()
			.thenApply((rows) -> rows.stream().map(DueReminders::dueReminder).toList()));
	}

	private static DueReminder dueReminder(Object[] row) {
		ReminderView reminder = new ReminderView(((Number) row[0]).longValue(),
				(row[2] != null) ? ((Number) row[2]).longValue() : null, (String) row[3], localDate(row[4]),
				localTime(row[5]), instant(row[6]), instant(row[7]));
		return new DueReminder(((Number) row[1]).longValue(), reminder);
	}

	// a native query's columns come as the driver and Hibernate map them, which differs
	// between the JDBC and the reactive path: take the types either gives

	private static LocalDate localDate(Object value) {
		return switch (value) {
			case null -> null;
			case LocalDate date -> date;
			case java.sql.Date date -> date.toLocalDate();
			default -> throw new IllegalStateException("Not a date: " + value.getClass());
		};
	}

	private static LocalTime localTime(Object value) {
		return switch (value) {
			case null -> null;
			case LocalTime time -> time;
			case Time time -> time.toLocalTime();
			default -> throw new IllegalStateException("Not a time: " + value.getClass());
		};
	}

	private static Instant instant(Object value) {
		return switch (value) {
			case Instant instant -> instant;
			case OffsetDateTime time -> time.toInstant();
			case ZonedDateTime time -> time.toInstant();
			case Timestamp time -> time.toInstant();
			default -> throw new IllegalStateException("Not an instant: " + value.getClass());
		};
	}

}
