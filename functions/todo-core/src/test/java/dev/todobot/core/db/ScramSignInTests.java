package dev.todobot.core.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions sign in to PostgreSQL as Neon and the chart's PostgreSQL ask them to:
 * with a SCRAM-SHA-256 password, not the embedded database's trust.
 */
class ScramSignInTests {

	@Test
	void signsInWithAScramPassword() throws Exception {
		DatabaseSettings trusted = EmbeddedDatabase.settings();
		try (Connection admin = DriverManager.getConnection(trusted.jdbcUrl(), trusted.user(), trusted.password());
				Statement statement = admin.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("drop role if exists scram_app");
			statement.execute("create role scram_app login password 'scram-secret-1'");
			try (ResultSet hbaFile = statement.executeQuery("show hba_file")) {
				hbaFile.next();
				Path hba = Path.of(hbaFile.getString(1));
				String rules = Files.readString(hba, StandardCharsets.UTF_8);
				Files.writeString(hba, "host all scram_app 127.0.0.1/32 scram-sha-256\n"
						+ "host all scram_app ::1/128 scram-sha-256\n" + rules, StandardCharsets.UTF_8);
			}
			statement.execute("select pg_reload_conf()");
		}
		DatabaseSettings scram = new DatabaseSettings(trusted.host(), trusted.port(), trusted.database(), "scram_app",
				"scram-secret-1", "disable");
		try (Database database = new Database(
				ReactiveDatabase.sessionFactory(scram, PoolSettings.defaults(), List.<Class<?>>of(User.class)))) {
			database.ping().block();
		}
		assertThat(EmbeddedDatabase
			.count("select count(*) from pg_authid where rolname = 'scram_app' and rolpassword like 'SCRAM-SHA-256$%'"))
			.isOne();
	}

}
