package dev.todobot.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.net.ssl.SSLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date with the migrations in {@code db/migration}. Runs
 * over JDBC, once, before the functions serve: as a Helm hook Job in the cluster, at
 * start in devstack, and in the tests.
 */
public final class DatabaseMigrations {

	private DatabaseMigrations() {
	}

	/**
	 * Applies every pending migration.
	 * @param settings the database
	 * @return how many migrations ran
	 * @throws DatabaseLinkRefusedException when the TLS link is refused: a wrong
	 * certificate, CA or host name
	 */
	public static int migrate(DatabaseSettings settings) {
		checkTlsLink(settings);
		MigrateResult result = Flyway.configure()
			.dataSource(settings.jdbcUrl(), settings.user(), settings.password())
			.locations("classpath:db/migration")
			.connectRetries(5)
			.load()
			.migrate();
		return result.migrationsExecuted;
	}

	/**
	 * Connects once before Flyway does, so that a refused certificate stops the start at
	 * once, with what was refused, instead of after Flyway's retries (meant for a
	 * database that is waking up) and under its wrapping. Any other failure is left to
	 * those retries.
	 */
	private static void checkTlsLink(DatabaseSettings settings) {
		if ("disable".equals(settings.sslMode())) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
				settings.password())) {
			connection.isValid(1);
		}
		catch (SQLException ex) {
			String refusal = tlsRefusal(ex);
			if (refusal != null) {
				throw new DatabaseLinkRefusedException(settings, refusal, ex);
			}
		}
	}

	/**
	 * What pgjdbc refused, when it refused the TLS link: the certificate chain (an
	 * {@link SSLException}) or the host name, which it checks after the handshake.
	 */
	private static String tlsRefusal(SQLException error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException tls) {
				return tls.getMessage();
			}
		}
		String message = String.valueOf(error.getMessage());
		return message.contains("could not be verified") ? message : null;
	}

	/**
	 * The database's TLS certificate was refused, as {@code sslmode} and
	 * {@code sslrootcert} asked.
	 */
	public static final class DatabaseLinkRefusedException extends IllegalStateException {

		DatabaseLinkRefusedException(DatabaseSettings settings, String reason, Throwable cause) {
			super("The TLS certificate of the database at " + settings.host() + ":" + settings.port()
					+ " was refused (sslmode=" + settings.sslMode() + ", trusting "
					+ ((settings.caFile() != null) ? "the CAs in " + settings.caFile() : "the JVM's CAs") + "): "
					+ reason, cause);
		}

	}

}
