package dev.todobot.core.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.InvalidInputException;
import reactor.core.publisher.Mono;

/**
 * A user's reminders that came due (the reminders function writes them): their
 * notification list, until they dismiss them. Every method takes the id of the user whose
 * reminders it may touch.
 */
public class ReminderService {

	/** The most reminders a list shows, and a dismissal names. */
	public static final int MAX = 100;

	private final Database database;

	public ReminderService(Database database) {
		this.database = database;
	}

	/**
	 * The user's reminders not dismissed yet, newest first, at most {@value #MAX}.
	 */
	public Mono<List<ReminderView>> list(long userId) {
		return this.database
			.read((session) -> session
				.<Object[]>createNativeQuery(
						"select id, task_id, title, due_date, due_time, remind_at, created_at from reminders"
								+ " where user_id = :userId and dismissed_at is null order by created_at desc, id desc")
				.setParameter("userId", userId)
				.setMaxResults(MAX)
				.getResultList())
			.map((rows) -> rows.stream().map(ReminderService::reminder).toList());
	}

	/**
	 * Dismisses some of the user's reminders; ids of other users' reminders, or of
	 * dismissed ones, are passed over.
	 * @param ids 1 to {@value #MAX} reminder ids
	 * @return how many were dismissed
	 */
	public Mono<Integer> dismiss(long userId, List<Long> ids) {
		if (ids == null || ids.isEmpty() || ids.size() > MAX || ids.contains(null)) {
			throw new InvalidInputException("ids", "ids must list 1 to " + MAX + " reminder ids");
		}
		return this.database.transaction((session) -> session
			.createNativeQuery("update reminders set dismissed_at = now()"
					+ " where user_id = :userId and id in (:ids) and dismissed_at is null")
			.setParameter("userId", userId)
			.setParameter("ids", ids)
			.executeUpdate());
	}

	private static ReminderView reminder(Object[] row) {
		return new ReminderView(((Number) row[0]).longValue(), (row[1] != null) ? ((Number) row[1]).longValue() : null,
				(String) row[2], date(row[3]), time(row[4]), instant(row[5]), instant(row[6]));
	}

	// the driver's types for date, time and timestamptz columns of a native query

	private static LocalDate date(Object value) {
		return switch (value) {
			case null -> null;
			case java.sql.Date date -> date.toLocalDate();
			default -> (LocalDate) value;
		};
	}

	private static LocalTime time(Object value) {
		return switch (value) {
			case null -> null;
			case java.sql.Time time -> time.toLocalTime();
			default -> (LocalTime) value;
		};
	}

	private static Instant instant(Object value) {
		return switch (value) {
			case null -> null;
			case Timestamp timestamp -> timestamp.toInstant();
			case OffsetDateTime offset -> offset.toInstant();
			default -> (Instant) value;
		};
	}

}
