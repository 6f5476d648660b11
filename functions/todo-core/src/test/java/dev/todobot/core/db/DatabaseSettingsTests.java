package dev.todobot.core.db;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseSettingsTests {

	@Test
	void readsANeonUrl() {
		DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL",
				"postgresql://neondb_owner:p%40ss@ep-cool-1.eu-central-1.aws.neon.tech/neondb?sslmode=require&channel_binding=require")::get);
		assertThat(settings).isEqualTo(new DatabaseSettings("ep-cool-1.eu-central-1.aws.neon.tech", 5432, "neondb",
				"neondb_owner", "p@ss", "require"));
	}

	@Test
	void readsAJdbcUrlWithCredentialsInTheQuery() {
		DatabaseSettings settings = DatabaseSettings
			.fromUrl("jdbc:postgresql://db:6543/todo?user=app&password=secret&sslmode=disable");
		assertThat(settings).isEqualTo(new DatabaseSettings("db", 6543, "todo", "app", "secret", "disable"));
	}

	@Test
	void readsDiscreteVariables() {
		DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("DB_HOST", "pg", "DB_PORT", "5433",
				"DB_NAME", "todo", "DB_USER", "app", "DB_PASSWORD", "secret")::get);
		assertThat(settings).isEqualTo(new DatabaseSettings("pg", 5433, "todo", "app", "secret", "prefer"));
	}

	@Test
	void readsTheRootCertificateFromTheUrlOrTheEnvironment() {
		assertThat(DatabaseSettings.fromUrl("postgres://u:p@h/d?sslmode=verify-full&sslrootcert=/etc/ca.pem")
			.sslRootCert()).isEqualTo("/etc/ca.pem");
		assertThat(DatabaseSettings.fromEnvironment(
				Map.of("DATABASE_URL", "postgres://u:p@h/d?sslmode=verify-full", "DB_SSLROOTCERT", "/etc/ca.pem")::get)
			.sslRootCert()).isEqualTo("/etc/ca.pem");
	}

	@Test
	void givesPgjdbcTheLibpqMeaningOfEachMode() {
		assertThat(DatabaseSettings.fromUrl("postgres://u:p@h/d?sslmode=require").jdbcUrl())
			.isEqualTo("jdbc:postgresql://h:5432/d?sslmode=require");
		assertThat(DatabaseSettings.fromUrl("postgres://u:p@h/d?sslmode=verify-full").jdbcUrl()).isEqualTo(
				"jdbc:postgresql://h:5432/d?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
		assertThat(DatabaseSettings.fromUrl("postgres://u:p@h/d?sslmode=verify-ca&sslrootcert=system").jdbcUrl())
			.isEqualTo(
					"jdbc:postgresql://h:5432/d?sslmode=verify-ca&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
		assertThat(DatabaseSettings.fromUrl("postgres://u:p@h/d?sslmode=require&sslrootcert=/etc/ca.pem").jdbcUrl())
			.isEqualTo("jdbc:postgresql://h:5432/d?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca.pem");
	}

	@Test
	void writesAUrlThatReadsBackAsTheSameSettings() {
		DatabaseSettings settings = new DatabaseSettings("db.example", 6543, "todo list", "app+1", "p@ss:w/rd %20+",
				"verify-full", "/etc/ca bundle.pem");
		assertThat(DatabaseSettings.fromUrl(settings.url())).isEqualTo(settings);
		DatabaseSettings noPassword = new DatabaseSettings("pg", 5432, "todo", "app", null, "require");
		assertThat(DatabaseSettings.fromUrl(noPassword.url())).isEqualTo(noPassword);
	}

	@Test
	void bracketsAnIpv6AddressInItsUrls() {
		DatabaseSettings settings = new DatabaseSettings("::1", 5432, "todo", "app", "secret", "disable");
		assertThat(settings.url()).isEqualTo("postgres://app:secret@[::1]:5432/todo?sslmode=disable");
		assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/todo?sslmode=disable");
	}

	@Test
	void readsAnIpv6AddressWithoutItsBrackets() {
		DatabaseSettings settings = DatabaseSettings.fromUrl("postgres://app:secret@[::1]:6543/todo?sslmode=disable");
		assertThat(settings.host()).isEqualTo("::1");
		assertThat(settings.port()).isEqualTo(6543);
		assertThat(DatabaseSettings.fromUrl(settings.url())).isEqualTo(settings);
		assertThat(DatabaseSettings
			.fromEnvironment(Map.of("DB_HOST", "[fd00::5]", "DB_NAME", "todo", "DB_USER", "app")::get)
			.host()).isEqualTo("fd00::5");
	}

	@Test
	void anEmbeddedDatabaseIsTheLocalSuperuserWithoutTls() {
		assertThat(DatabaseSettings.embedded(5433).url())
			.isEqualTo("postgres://postgres:postgres@localhost:5433/postgres?sslmode=disable");
	}

	@Test
	void refusesAnUnknownSslMode() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseSettings.fromUrl("postgres://u:p@h/d?sslmode=on"))
			.withMessageContaining("verify-full");
	}

	@Test
	void refusesAnEnvironmentWithoutADatabase() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseSettings.fromEnvironment(Map.<String, String>of()::get))
			.withMessageContaining("DATABASE_URL");
	}

	@Test
	void refusesAnotherKindOfDatabase() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseSettings.fromUrl("mysql://db/todo"))
			.withMessageContaining("postgres://");
	}

	@Test
	void hidesThePasswordWhenPrinted() {
		assertThat(DatabaseSettings.fromUrl("postgres://u:secret@h/d")).asString().doesNotContain("secret");
	}

}
