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
