package dev.todobot.core.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.todobot.core.error.DatabaseUnavailableException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.JDBCException;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;

/**
 * Runs units of work against the reactive session factory and turns "cannot reach the
 * database" into {@link DatabaseUnavailableException}, whatever layer reported it.
 */
public class Database implements AutoCloseable {

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private static final String UNIQUE_VIOLATION = "23505";

	private final Stage.SessionFactory sessionFactory;

	public Database(Stage.SessionFactory sessionFactory) {
		this.sessionFactory = sessionFactory;
	}

	/**
	 * Runs work in one transaction, committed when its stage completes normally.
	 * @param <T> the result type
	 * @param work the work
	 * @return the result, lazily: nothing runs before subscription
	 */
	public <T> Mono<T> transaction(Function<Stage.Session, CompletionStage<T>> work) {
		return Mono.fromCompletionStage(() -> this.sessionFactory.withTransaction((session, tx) -> work.apply(session)))
			.onErrorMap(Database::isUnreachable, DatabaseUnavailableException::new);
	}

	/**
	 * Runs read-only work without a transaction of its own: each statement commits by
	 * itself, so a single query costs one round trip instead of three (begin, query,
	 * commit), and the entities it loads are read-only, with no snapshots to compare at a
	 * flush.
	 * @param <T> the result type
	 * @param work the work; it must not change anything
	 * @return the result, lazily: nothing runs before subscription
	 */
	public <T> Mono<T> read(Function<Stage.Session, CompletionStage<T>> work) {
		return Mono.fromCompletionStage(() -> this.sessionFactory.withSession((session) -> {
			session.setDefaultReadOnly(true);
			return work.apply(session);
		})).onErrorMap(Database::isUnreachable, DatabaseUnavailableException::new);
	}

	/**
	 * Checks that the database answers.
	 * @return completes empty when it does
	 */
	public Mono<Void> ping() {
		return read((session) -> session.createNativeQuery("select 1").getSingleResult()).then();
	}

	@Override
	public void close() {
		this.sessionFactory.close();
	}

	/**
	 * Whether a write referred to a row that is gone; for this schema, the signed-in
	 * user's account or conversation.
	 */
	public static boolean isMissingReference(Throwable error) {
		return hasSqlState(error, FOREIGN_KEY_VIOLATION);
	}

	/**
	 * Whether a write clashed with a unique constraint.
	 */
	public static boolean isDuplicate(Throwable error) {
		return hasSqlState(error, UNIQUE_VIOLATION);
	}

	/**
	 * Whether PostgreSQL reported this SQLSTATE, as the driver's error or as Hibernate's
	 * translation of it.
	 */
	private static boolean hasSqlState(Throwable error, String sqlState) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if ((cause instanceof PgException pg && sqlState.equals(pg.getSqlState()))
					|| (cause instanceof JDBCException jdbc && sqlState.equals(jdbc.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	static boolean isUnreachable(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof ClosedChannelException || cause instanceof ClosedConnectionException
					|| cause instanceof TimeoutException || cause instanceof DatabaseUnavailableException) {
				return true;
			}
			if (cause instanceof PgException pg && pg.getSqlState() != null
					&& (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
				return true;
			}
			String type = cause.getClass().getName();
			if (type.startsWith("io.netty.channel.ConnectTimeout")
					|| (type.startsWith("io.vertx.core.impl.NoStackTrace")
							&& String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timeout"))) {
				return true;
			}
		}
		return false;
	}

}
