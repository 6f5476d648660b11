package dev.todobot.charts;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import static dev.todobot.charts.Workloads.container;
import static dev.todobot.charts.Workloads.env;
import static dev.todobot.charts.Workloads.requiredEnv;
import static dev.todobot.charts.Workloads.secretValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app on an external PostgreSQL given by URL, the way Neon gives it.
 */
class TodoAppExternalDatabaseTests {

	private final Manifests manifests = Scenario.NEON.render();

	@Test
	void storesTheUrlInASecretAsDatabaseUrl() {
		assertThat(secretValue(this.manifests.secret("todo-app-database"), "DATABASE_URL"))
			.isEqualTo(Scenario.NEON_URL);
	}

	@Test
	void givesTheFunctionsAndTheMigrationDatabaseUrlFromThatSecret() {
		List<Container> containers = List.of(container(this.manifests.knativeService("todo")),
				container(this.manifests.knativeService("mcp")), container(this.manifests.knativeService("chat")),
				container(this.manifests.get(Job.class, "todo-app-migrate")));
		for (Container container : containers) {
			SecretKeySelector reference = requiredEnv(container, "DATABASE_URL").getValueFrom().getSecretKeyRef();
			assertThat(reference.getName()).isEqualTo("todo-app-database");
			assertThat(reference.getKey()).isEqualTo("DATABASE_URL");
			assertThat(env(container, "DB_HOST")).as(container.getName()).isEmpty();
		}
	}

	@Test
	void deploysNoInClusterPostgresql() {
		assertThat(this.manifests.all(StatefulSet.class)).isEmpty();
		assertThat(this.manifests.names()).noneMatch((name) -> name.contains("postgresql"));
		assertThat(this.manifests.configMap("todo-app-config").getData()).doesNotContainKeys("DB_HOST", "DB_USER");
	}

	@Test
	void acceptsAJdbcUrlToo() {
		Manifests jdbc = Charts.template(Charts.TODO_APP,
				Map.of("database.url", "jdbc:postgresql://db.example.com:5432/todo?sslmode=require"));
		assertThat(secretValue(jdbc.secret("todo-app-database"), "DATABASE_URL")).startsWith("jdbc:postgresql://");
	}

	@Test
	void saysWhereTheDatabaseIsInTheNotes() {
		assertThat(Charts.notes(Charts.TODO_APP, Map.of("database.url", Scenario.NEON_URL)))
			.contains("the external URL in Secret todo-app-database")
			.doesNotContain("npg_s3cr3t");
	}

	@Test
	void failsWithoutAnyDatabase() {
		assertThat(Charts.templateError(Charts.TODO_APP, Map.of("postgresql.enabled", false)))
			.contains("no database: set database.url, database.existingSecret or postgresql.enabled");
	}

}
