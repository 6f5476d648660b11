package dev.todobot.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A way to install todo-app: its {@code --set} values, the Secrets it expects to exist
 * already, and its rendering (made once per test JVM).
 *
 * @param name what the scenario stands for
 * @param values the {@code --set} values
 * @param existingSecrets Secrets the values name but the chart does not render
 */
record Scenario(String name, Map<String, Object> values, Set<String> existingSecrets) {

	/** A Neon connection string, as Neon's console gives it. */
	static final String NEON_URL = "postgresql://todo_owner:npg_s3cr3t@ep-cool-darkness-a1b2c3d4.eu-central-1.aws.neon.tech/neondb?sslmode=require";

	static final Scenario DEFAULTS = new Scenario("defaults", Map.of(), Set.of());

	static final Scenario NEON = new Scenario("Neon URL", Map.of("database.url", NEON_URL), Set.of());

	static final Scenario EXISTING_SECRETS = new Scenario("existing Secrets",
			Map.of("database.existingSecret", "neon-connection", "database.existingSecretKey", "uri",
					"jwt.existingSecret", "todo-jwt-key", "jwt.existingSecretKey", "key", "openai.existingSecret",
					"openai-credentials", "openai.existingSecretKey", "api-key"),
			Set.of("neon-connection", "todo-jwt-key", "openai-credentials"));

	static final Scenario EVERY_OPTION = new Scenario("every option", everyOption(),
			Set.of("todo-postgresql-auth", "regcred"));

	private static final Map<String, Manifests> rendered = new ConcurrentHashMap<>();

	static Scenario[] all() {
		return new Scenario[] { DEFAULTS, NEON, EXISTING_SECRETS, EVERY_OPTION };
	}

	Manifests render() {
		return rendered.computeIfAbsent(this.name, (key) -> Charts.template(Charts.TODO_APP, this.values));
	}

	@Override
	public String toString() {
		return this.name;
	}

	private static Map<String, Object> everyOption() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("image.registry", "localhost:5000");
		values.put("image.tag", "4f2c9e1");
		values.put("image.pullPolicy", "Always");
		values.put("imagePullSecrets[0].name", "regcred");
		values.put("knative.domain", "todo.example.com");
		values.put("jwt.secret", "an-explicit-jwt-key-of-more-than-32-characters");
		values.put("openai.apiKey", "sk-test-key");
		values.put("openai.baseUrl", "https://api.example.com/v1");
		values.put("openai.model", "gpt-4.1-mini");
		values.put("postgresql.auth.existingSecret", "todo-postgresql-auth");
		values.put("postgresql.auth.existingSecretKey", "postgres-password");
		values.put("postgresql.persistence.enabled", false);
		values.put("migration.backoffLimit", 2);
		values.put("todo.image.tag", "hotfix-1");
		values.put("todo.visibility", "cluster-local");
		values.put("todo.autoscaling.minScale", 1);
		values.put("todo.autoscaling.maxScale", 10);
		values.put("todo.autoscaling.initialScale", 0);
		values.put("todo.autoscaling.target", 80);
		values.put("todo.autoscaling.scaleDownDelay", "5m");
		values.put("todo.containerConcurrency", 100);
		values.put("todo.env[0].name", "LOGGING_LEVEL_DEV_TODOBOT");
		values.put("todo.env[0].value", "debug");
		values.put("mcp.visibility", "cluster-local");
		values.put("mcp.allowedOrigins", "https://claude.ai,http://localhost:6274");
		values.put("chat.visibility", "cluster-local");
		values.put("chat.modelTimeout", "90s");
		values.put("chat.autoscaling.minScale", 1);
		values.put("web.tmpVolume", true);
		values.put("kagent.enabled", true);
		return values;
	}

}
