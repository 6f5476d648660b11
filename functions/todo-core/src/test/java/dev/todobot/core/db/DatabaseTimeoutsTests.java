package dev.todobot.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.todobot.core.error.DatabaseUnavailableException;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.User;
import org.hibernate.reactive.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pool's time limits end as {@link DatabaseUnavailableException} (a 503 with
 * Retry-After): a statement cancelled at the statement timeout, and a request that finds
 * no free connection in time. A JDBC connection holds a row locked, so that a transaction
 * that updates it waits for as long as the test wants.
 */
class DatabaseTimeoutsTests {

	private static final Duration NO_STATEMENT_TIMEOUT = Duration.ZERO;

	@BeforeAll
	static void lockableRow() {
		EmbeddedDatabase.execute("create table if not exists pool_probe (id int primary key)");
		EmbeddedDatabase.execute("insert into pool_probe values (1) on conflict do nothing");
	}

	@Test
	void aStatementStalledPastTheStatementTimeoutIsUnavailable() throws SQLException {
		// the lock goes first, so that a failing test ends instead of waiting for it
		try (Database database = database(new PoolSettings(2, Duration.ofSeconds(5), 0, Duration.ofMillis(100),
				Duration.ofSeconds(10), Duration.ofMillis(500))); Connection locker = lockTheRow()) {
			assertThatExceptionOfType(DatabaseUnavailableException.class).isThrownBy(
					() -> database.transaction(DatabaseTimeoutsTests::updateTheRow).block(Duration.ofSeconds(30)));
			// the connection went back to the pool, and serves again
			database.ping().block(Duration.ofSeconds(30));
			locker.rollback();
		}
	}

	@Test
	void noFreeConnectionInTimeIsUnavailable() throws Exception {
		try (Database database = database(new PoolSettings(1, Duration.ofSeconds(5), 0, Duration.ofMillis(100),
				Duration.ofMillis(500), NO_STATEMENT_TIMEOUT)); Connection locker = lockTheRow()) {
			CompletableFuture<Integer> holder = database.transaction(DatabaseTimeoutsTests::updateTheRow).toFuture();
			awaitAWaitingLock();
			assertThatExceptionOfType(DatabaseUnavailableException.class)
				.isThrownBy(() -> database.ping().block(Duration.ofSeconds(30)));
			locker.rollback();
			assertThat(holder.get()).isOne();
		}
	}

	private static Database database(PoolSettings pool) {
		return new Database(
				ReactiveDatabase.sessionFactory(EmbeddedDatabase.settings(), pool, List.<Class<?>>of(User.class)),
				pool.statementTimeout());
	}

	private static CompletionStage<Integer> updateTheRow(Stage.Session session) {
		return session.createNativeQuery("update pool_probe set id = id where id = 1").executeUpdate();
	}

	private static Connection lockTheRow() throws SQLException {
		DatabaseSettings db = EmbeddedDatabase.settings();
		Connection locker = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
		locker.setAutoCommit(false);
		try (Statement statement = locker.createStatement()) {
			statement.execute("select id from pool_probe where id = 1 for update");
		}
		return locker;
	}

	/**
	 * Waits until the pool's only connection waits for the row lock, so that it is busy.
	 */
	private static void awaitAWaitingLock() throws InterruptedException {
		while (EmbeddedDatabase.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
				+ " and query like 'update pool_probe%'") == 0) {
			Thread.sleep(20);
		}
	}

}
