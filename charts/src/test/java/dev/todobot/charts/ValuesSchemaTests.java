package dev.todobot.charts;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * values.schema.json makes Helm refuse bad values before anything reaches the cluster.
 */
class ValuesSchemaTests {

	@Test
	void rejectsANegativeMinScale() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("chat.autoscaling.minScale", -1)))
			.contains("- chat.autoscaling.minScale: Must be greater than or equal to 0");
	}

	@Test
	void rejectsANegativeMaxScale() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("todo.autoscaling.maxScale", -3)))
			.contains("- todo.autoscaling.maxScale: Must be greater than or equal to 0");
	}

	@Test
	void rejectsAZeroTargetConcurrency() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("mcp.autoscaling.target", 0)))
			.contains("- mcp.autoscaling.target: Must be greater than or equal to 1");
	}

	@Test
	void rejectsAScaleDownDelayThatIsNoDuration() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("web.autoscaling.scaleDownDelay", "soon")))
			.contains("- web.autoscaling.scaleDownDelay: Does not match pattern");
	}

	@Test
	void rejectsAMissingImageRepository() {
		// --set key=null removes the key, as a values file without it would
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("todo.image.repository", "null")))
			.contains("- todo.image: repository is required");
	}

	@Test
	void rejectsAnEmptyImageRepository() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("chat.image.repository", "")))
			.contains("- chat.image.repository: String length must be greater than or equal to 1");
	}

	@Test
	void rejectsAMisspelledKey() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("todo.autoscalling.minScale", 1)))
			.contains("- todo: Additional property autoscalling is not allowed");
	}

	@Test
	void rejectsAnUnknownTopLevelKey() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("postgres.enabled", false)))
			.contains("- (root): Additional property postgres is not allowed");
	}

	@Test
	void rejectsAnUnknownVisibility() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("mcp.visibility", "public")))
			.contains("- mcp.visibility: mcp.visibility must be one of the following");
	}

	@Test
	void rejectsAJwtKeyShorterThan32Characters() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("jwt.secret", "too-short")))
			.contains("- jwt.secret: Does not match pattern");
	}

	@Test
	void rejectsADatabaseUrlThatIsNotPostgresql() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("database.url", "mysql://db/todo")))
			.contains("- database.url: Does not match pattern");
	}

	@Test
	void rejectsAFunctionWithoutAMemoryLimitSection() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("todo.resources.limits", "null")))
			.contains("- todo.resources: limits is required");
	}

	@Test
	void rejectsAnUnknownKnativeServingKey() {
		assertThat(Charts.schemaViolations(Charts.KNATIVE_SERVING, Map.of("autoscaler.enableScaleToZro", true)))
			.contains("- autoscaler: Additional property enableScaleToZro is not allowed");
	}

	@Test
	void rejectsAnUnknownKourierServiceType() {
		assertThat(Charts.schemaViolations(Charts.KNATIVE_SERVING, Map.of("kourier.serviceType", "Ingress")))
			.contains("- kourier.serviceType: kourier.serviceType must be one of the following");
	}

}
