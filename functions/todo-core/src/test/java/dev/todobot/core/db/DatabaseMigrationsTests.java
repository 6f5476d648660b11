package dev.todobot.core.db;

import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMigrationsTests {

	@Test
	void migratedDatabaseHasEveryTable() {
		EmbeddedDatabase.settings();
		assertThat(EmbeddedDatabase.count("select count(*) from information_schema.tables where table_schema = 'public'"
				+ " and table_name in ('users', 'tasks', 'conversations', 'messages')"))
			.isEqualTo(4);
	}

	@Test
	void migratingAgainAppliesNothing() {
		assertThat(DatabaseMigrations.migrate(EmbeddedDatabase.settings())).isZero();
	}

}
