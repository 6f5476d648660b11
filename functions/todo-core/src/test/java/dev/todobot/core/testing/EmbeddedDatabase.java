package dev.todobot.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.todobot.core.db.DatabaseMigrations;
import dev.todobot.core.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM, migrated, shared by every test that needs a database.
 * Tests isolate themselves by signing up their own users.
 */
public final class EmbeddedDatabase {

	/** A key for tests, long enough for HS256. */
	public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256!";

	private static EmbeddedPostgres postgres;

	private static DatabaseSettings settings;

	private EmbeddedDatabase() {
	}

	/**
	 * Starts the database on first use and migrates it.
	 * @return where it is
	 */
	public static synchronized DatabaseSettings settings() {
		if (settings == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			settings = DatabaseSettings.embedded(postgres.getPort());
			DatabaseMigrations.migrate(settings);
		}
		return settings;
	}

	/**
	 * The {@code DATABASE_URL} of the test database, as a function reads it.
	 * @return the URL
	 */
	public static String url() {
		return settings().url();
	}

	/**
	 * Counts rows with plain JDBC, to check that a rejected request wrote nothing.
	 * @param sql a {@code select count(*) ...}
	 * @return the count
	 */
	public static long count(String sql) {
		settings();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads several counts in one query, such as
	 * {@code select (select count(*) from users), (select count(*) from tasks)}.
	 * @param sql a query of one row of whole numbers
	 * @return the row's values, in order
	 */
	public static List<Long> counts(String sql) {
		settings();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			List<Long> counts = new ArrayList<>();
			for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
				counts.add(result.getLong(column));
			}
			return counts;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a statement with plain JDBC, for test setup the API cannot express.
	 * @param sql the statement
	 */
	public static void execute(String sql) {
		settings();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
