package dev.todobot.core.db;

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
	 */
	public static int migrate(DatabaseSettings settings) {
		MigrateResult result = Flyway.configure()
			.dataSource(settings.jdbcUrl(), settings.user(), settings.password())
			.locations("classpath:db/migration")
			.connectRetries(5)
			.load()
			.migrate();
		return result.migrationsExecuted;
	}

}
