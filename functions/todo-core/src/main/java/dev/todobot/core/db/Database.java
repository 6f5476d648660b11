package dev.todobot.core.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import dev.todobot.core.error.DatabaseUnavailableException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.JDBCException;
import org.hibernate.reactive.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Runs units of work against the reactive session factory and turns "cannot reach the
 * database in time" into {@link DatabaseUnavailableException}, whatever layer reported
 * it: no connection, no free connection in the pool, a certificate the link refused, or a
 * statement PostgreSQL cancelled at the statement timeout.
 */
public class Database implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Database.class);

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private static final String UNIQUE_VIOLATION = "23505";

	/** PostgreSQL's {@code query_canceled}, which the statement timeout raises. */
	private static final String QUERY_CANCELED = "57014";

	private final Stage.SessionFactory sessionFactory;

	/** Sets the statement timeout for one transaction, or {@code null} for none. */
	private final String limitStatements;

	/** The event loops shared with the web server, or {@code null}. */
	private final EventLoops loops;

	/**
	 * A database with the default statement timeout.
	 * @param sessionFactory the session factory
	 */
	public Database(Stage.SessionFactory sessionFactory) {
		this(sessionFactory, PoolSettings.defaults().statementTimeout());
	}

	/**
	 * A database whose transactions end a statement that runs longer than the timeout.
	 * The timeout is set for each transaction ({@code set_config(..., true)}, as
	 * {@code SET LOCAL} does) rather than once per connection: Neon's proxy drops
	 * {@code statement_timeout} as a startup parameter and its PgBouncer pooler refuses
	 * it, and a session-level {@code SET} does not survive transaction pooling, while a
	 * transaction's own setting holds through any pooler.
	 * @param sessionFactory the session factory
	 * @param statementTimeout the longest a statement in a transaction may take; zero for
	 * no limit
	 */
	public Database(Stage.SessionFactory sessionFactory, Duration statementTimeout) {
		this(sessionFactory, statementTimeout, null);
	}

	/**
	 * A database whose work starts on the event loop of the request that asks for it.
	 * @param sessionFactory the session factory, made with the same event loops
	 * @param statementTimeout the longest a statement in a transaction may take; zero for
	 * no limit
	 * @param loops the event loops shared with the web server, or {@code null}
	 * @see EventLoops#onThisLoop
	 */
	public Database(Stage.SessionFactory sessionFactory, Duration statementTimeout, EventLoops loops) {
		this.sessionFactory = sessionFactory;
		this.loops = loops;
		this.limitStatements = (statementTimeout.isZero()) ? null
				: "select set_config('statement_timeout', '" + statementTimeout.toMillis() + "', true)";
	}

	/**
	 * Runs work in one transaction, committed when its stage completes normally.
	 * @param <T> the result type
	 * @param work the work
	 * @return the result, lazily: nothing runs before subscription
	 */
	public <T> Mono<T> transaction(Function<Stage.Session, CompletionStage<T>> work) {
		return Mono
			.fromCompletionStage(() -> start(() -> this.sessionFactory.withTransaction(
					(session, tx) -> limitStatements(session).thenCompose((ignored) -> work.apply(session)))))
			.onErrorMap(Database::isUnreachable, Database::unavailable);
	}

	private CompletionStage<Object> limitStatements(Stage.Session session) {
		return (this.limitStatements != null) ? session.createNativeQuery(this.limitStatements).getSingleResult()
				: CompletableFuture.completedFuture(null);
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
		return Mono.fromCompletionStage(() -> start(() -> this.sessionFactory.withSession((session) -> {
			session.setDefaultReadOnly(true);
			return work.apply(session);
		}))).onErrorMap(Database::isUnreachable, Database::unavailable);
	}

	private <T> CompletionStage<T> start(Supplier<CompletionStage<T>> work) {
		return (this.loops != null) ? this.loops.onThisLoop(work) : work.get();
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

	private static DatabaseUnavailableException unavailable(Throwable error) {
		String tls = tlsFailure(error);
		if (tls != null) {
			// the client only learns "not reachable"; whoever runs the service needs the
			// reason, which is a setting to fix rather than an outage to wait out
			logger.warn("The TLS link to the database failed ({}): check sslmode and sslrootcert, "
					+ "and that the certificate names the host", tls);
		}
		return (error instanceof DatabaseUnavailableException unavailable) ? unavailable
				: new DatabaseUnavailableException(error);
	}

	/**
	 * Why the TLS handshake failed, if it did. The Vert.x client reports a refused
	 * certificate or host name with a {@code VertxException} "SSL handshake failed" and
	 * no cause; the JDK's own failures are {@link SSLException}s.
	 */
	private static String tlsFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException
					|| (cause instanceof VertxException && String.valueOf(cause.getMessage()).startsWith("SSL"))) {
				return cause.getMessage();
			}
		}
		return null;
	}

	static boolean isUnreachable(Throwable error) {
		if (hasSqlState(error, QUERY_CANCELED) || tlsFailure(error) != null) {
			return true;
		}
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
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			// the pool's own failures carry no type of their own: a timeout, or a
			// connection
			// the server closed under a request ("Connection is not active now")
			if (type.startsWith("io.netty.channel.ConnectTimeout")
					|| (type.startsWith("io.vertx.core.impl.NoStackTrace")
							&& (message.contains("timeout") || message.contains("connection is not active")))) {
				return true;
			}
		}
		return false;
	}

}
