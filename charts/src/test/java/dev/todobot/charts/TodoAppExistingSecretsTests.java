package dev.todobot.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import org.junit.jupiter.api.Test;

import static dev.todobot.charts.Workloads.container;
import static dev.todobot.charts.Workloads.requiredEnv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app whose database URL, JWT key and OpenAI key live in Secrets made outside the
 * chart.
 */
class TodoAppExistingSecretsTests {

	private final Manifests manifests = Scenario.EXISTING_SECRETS.render();

	@Test
	void rendersNoSecretOfItsOwn() {
		assertThat(this.manifests.all(Secret.class)).isEmpty();
	}

	@Test
	void readsTheDatabaseUrlFromTheNamedSecretAndKey() {
		for (String name : new String[] { "todo", "mcp", "chat" }) {
			assertReference(container(this.manifests.knativeService(name)), "DATABASE_URL", "neon-connection", "uri");
		}
	}

	@Test
	void readsTheJwtKeyFromTheNamedSecretAndKey() {
		for (String name : new String[] { "todo", "mcp", "chat" }) {
			assertReference(container(this.manifests.knativeService(name)), "JWT_SECRET", "todo-jwt-key", "key");
		}
	}

	@Test
	void givesOnlyChatTheOpenAiKeyFromTheNamedSecretAndKey() {
		assertReference(container(this.manifests.knativeService("chat")), "OPENAI_API_KEY", "openai-credentials",
				"api-key");
		for (String name : new String[] { "todo", "mcp", "web" }) {
			assertThat(container(this.manifests.knativeService(name)).getEnv())
				.noneSatisfy((env) -> assertThat(env.getName()).isEqualTo("OPENAI_API_KEY"));
		}
	}

	private static void assertReference(Container container, String variable, String secret, String key) {
		SecretKeySelector reference = requiredEnv(container, variable).getValueFrom().getSecretKeyRef();
		assertThat(reference.getName()).as(container.getName()).isEqualTo(secret);
		assertThat(reference.getKey()).as(container.getName()).isEqualTo(key);
	}

}
