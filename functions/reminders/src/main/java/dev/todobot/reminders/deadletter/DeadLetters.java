package dev.todobot.reminders.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead letters: events kept whole, with Knative's reasons for giving up on them.
 */
public class DeadLetters {

	/** Knative's extension naming the subscriber that failed. */
	static final String ERROR_DESTINATION = "knativeerrordest";

	/** Knative's extension with the subscriber's last HTTP status. */
	static final String ERROR_CODE = "knativeerrorcode";

	/** Knative's extension with the subscriber's last answer, base64. */
	static final String ERROR_DATA = "knativeerrordata";

	/** The most a listing shows, newest first. */
	static final int LISTED = 100;

	private final Database database;

	public DeadLetters(Database database) {
		this.database = database;
	}

	/**
	 * Keeps an event.
	 * @param event the event, with the extensions the Broker added
	 * @return the dead letter's number
	 */
	public Mono<Long> keep(CloudEvent event) {
		// the parameter is text made jsonb: typed jsonb, the driver would store the text
		// as
		// one JSON string
		String whole = new String(
				EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event),
				StandardCharsets.UTF_8);
		Integer code = errorCode(event);
		return this.database
			.transaction((session) -> session
				.<Number>createNativeQuery(
						"insert into dead_letters (event_id, event_type, event_source, error_destination, error_code,"
								+ " error_data, event) values (:id, :type, :source, :destination, :code, :data,"
								+ " cast(cast(:event as text) as jsonb)) returning id")
				.setParameter("id", event.getId())
				.setParameter("type", event.getType())
				.setParameter("source", event.getSource().toString())
				.setParameter("destination", text(event.getExtension(ERROR_DESTINATION)))
				.setParameter("code", code)
				.setParameter("data", text(event.getExtension(ERROR_DATA)))
				.setParameter("event", whole)
				.getSingleResult())
			.map(Number::longValue);
	}

	/**
	 * The latest dead letters.
	 * @return up to {@value #LISTED}, newest first
	 */
	public Mono<List<DeadLetter>> latest() {
		return this.database.read((session) -> session
			.<Object[]>createNativeQuery(
					"select id, event_id, event_type, event_source, error_destination, error_code, error_data,"
							+ " cast(event as text), received_at from dead_letters order by received_at desc, id desc"
							+ " limit " + LISTED)
			.getResultList()
			.thenApply((rows) -> rows.stream().map(DeadLetters::deadLetter).toList()));
	}

	private static DeadLetter deadLetter(Object[] row) {
		return new DeadLetter(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
				(String) row[4], (row[5] != null) ? ((Number) row[5]).intValue() : null, (String) row[6],
				JsonMapper.shared().readTree((String) row[7]), instant(row[8]));
	}

	private static Instant instant(Object value) {
		return switch (value) {
			case Instant instant -> instant;
			case OffsetDateTime time -> time.toInstant();
			case java.sql.Timestamp time -> time.toInstant();
			default -> throw new IllegalStateException("Not an instant: " + value.getClass());
		};
	}

	private static String text(Object extension) {
		return (extension != null) ? extension.toString() : null;
	}

	/**
	 * Knative sends the status as a string extension; an event that claims another kind
	 * of code is kept with the code in its JSON only.
	 */
	static Integer errorCode(CloudEvent event) {
		Object extension = event.getExtension(ERROR_CODE);
		if (extension == null) {
			return null;
		}
		if (extension instanceof Number number) {
			return number.intValue();
		}
		try {
			return Integer.valueOf(extension.toString().strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(ERROR_CODE,
					ERROR_CODE + " must be an HTTP status, not '" + extension + "'");
		}
	}

}
