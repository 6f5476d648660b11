package dev.todobot.charts;

import java.util.List;
import java.util.Map;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import static dev.todobot.charts.Workloads.container;
import static dev.todobot.charts.Workloads.env;
import static dev.todobot.charts.Workloads.requiredEnv;
import static dev.todobot.charts.Workloads.secretValue;
import static dev.todobot.charts.Workloads.resolvedEnv;
import static dev.todobot.charts.Workloads.revision;
import static dev.todobot.charts.Workloads.templateAnnotations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app with every option set (see {@link Scenario#EVERY_OPTION}).
 */
class TodoAppOptionsTests {

	private final Manifests manifests = Scenario.EVERY_OPTION.render();

	@Test
	void takesEveryImageFromTheRegistryAndTagValues() {
		assertThat(this.manifests.knativeServices()).extracting((service) -> container(service).getImage())
			.containsExactlyInAnyOrder("localhost:5000/todo:hotfix-1", "localhost:5000/mcp:4f2c9e1",
					"localhost:5000/chat:4f2c9e1", "localhost:5000/web:4f2c9e1", "localhost:5000/reminders:4f2c9e1");
		assertThat(container(this.manifests.get(Job.class, "todo-app-migrate")).getImage())
			.isEqualTo("localhost:5000/todo:hotfix-1");
		assertThat(this.manifests.knativeServices())
			.allSatisfy((service) -> assertThat(container(service).getImagePullPolicy()).isEqualTo("Always"));
	}

	@Test
	void pullsEveryImageWithThePullSecrets() {
		List<List<LocalObjectReference>> pullSecrets = this.manifests.knativeServices()
			.stream()
			.map((service) -> revision(service).getImagePullSecrets())
			.toList();
		assertThat(pullSecrets).hasSize(5)
			.allSatisfy((secrets) -> assertThat(secrets).extracting(LocalObjectReference::getName)
				.containsExactly("regcred"));
		assertThat(this.manifests.get(Job.class, "todo-app-migrate")
			.getSpec()
			.getTemplate()
			.getSpec()
			.getImagePullSecrets()).extracting(LocalObjectReference::getName).containsExactly("regcred");
	}

	@Test
	void keepsClusterLocalServicesOffKourier() {
		for (String name : List.of("todo", "mcp", "chat")) {
			assertThat(this.manifests.knativeService(name).getMetadata().getLabels()).as(name)
				.containsEntry("networking.knative.dev/visibility", "cluster-local");
		}
		assertThat(this.manifests.knativeService("web").getMetadata().getLabels())
			.doesNotContainKey("networking.knative.dev/visibility");
	}

	@Test
	void turnsTheAutoscalingValuesIntoRevisionAnnotations() {
		Service todo = this.manifests.knativeService("todo");
		assertThat(templateAnnotations(todo)).containsEntry("autoscaling.knative.dev/min-scale", "1")
			.containsEntry("autoscaling.knative.dev/max-scale", "10")
			.containsEntry("autoscaling.knative.dev/initial-scale", "0")
			.containsEntry("autoscaling.knative.dev/target", "80")
			.containsEntry("autoscaling.knative.dev/scale-down-delay", "5m");
		assertThat(revision(todo).getContainerConcurrency()).isEqualTo(100L);
		assertThat(templateAnnotations(this.manifests.knativeService("chat")))
			.containsEntry("autoscaling.knative.dev/min-scale", "1");
		assertThat(templateAnnotations(this.manifests.knativeService("mcp")))
			.containsEntry("autoscaling.knative.dev/min-scale", "0");
	}

	@Test
	void givesChatTheOpenAiKeyEndpointAndModel() {
		Container chat = container(this.manifests.knativeService("chat"));
		assertThat(requiredEnv(chat, "OPENAI_API_KEY").getValueFrom().getSecretKeyRef().getName())
			.isEqualTo("todo-app-openai");
		assertThat(secretValue(this.manifests.secret("todo-app-openai"), "OPENAI_API_KEY")).isEqualTo("sk-test-key");
		assertThat(resolvedEnv(this.manifests, chat, "OPENAI_BASE_URL")).isEqualTo("https://api.example.com/v1");
		assertThat(resolvedEnv(this.manifests, chat, "OPENAI_MODEL")).isEqualTo("gpt-4.1-mini");
		assertThat(resolvedEnv(this.manifests, chat, "CHAT_MODEL_TIMEOUT")).isEqualTo("90s");
	}

	@Test
	void givesMcpItsAllowedOrigins() {
		assertThat(resolvedEnv(this.manifests, container(this.manifests.knativeService("mcp")), "MCP_ALLOWED_ORIGINS"))
			.isEqualTo("https://claude.ai,http://localhost:6274");
		assertThat(env(container(this.manifests.knativeService("todo")), "MCP_ALLOWED_ORIGINS")).isEmpty();
	}

	@Test
	void storesAnExplicitJwtKey() {
		assertThat(secretValue(this.manifests.secret("todo-app-jwt"), "JWT_SECRET"))
			.isEqualTo("an-explicit-jwt-key-of-more-than-32-characters");
	}

	@Test
	void appendsExtraEnvironmentVariables() {
		assertThat(
				requiredEnv(container(this.manifests.knativeService("todo")), "LOGGING_LEVEL_DEV_TODOBOT").getValue())
			.isEqualTo("debug");
	}

	@Test
	void runsPostgresqlWithAnExistingPasswordSecretAndWithoutAClaim() {
		StatefulSet postgresql = this.manifests.get(StatefulSet.class, "todo-app-postgresql");
		assertThat(postgresql.getSpec().getVolumeClaimTemplates()).isEmpty();
		assertThat(postgresql.getSpec().getTemplate().getSpec().getVolumes())
			.anySatisfy((volume) -> assertThat(volume.getName()).isEqualTo("data"));
		var password = requiredEnv(postgresql.getSpec().getTemplate().getSpec().getContainers().get(0),
				"POSTGRES_PASSWORD")
			.getValueFrom()
			.getSecretKeyRef();
		assertThat(password.getName()).isEqualTo("todo-postgresql-auth");
		assertThat(password.getKey()).isEqualTo("postgres-password");
		assertThat(this.manifests.names()).doesNotContain("Secret/todo-app-postgresql");
	}

	@Test
	void createsAKagentAgentThatAnalysesTheReleaseWithReadOnlyTools() {
		GenericKubernetesResource agent = this.manifests.generic("Agent", "todo-app-health").orElseThrow();
		assertThat(agent.getApiVersion()).isEqualTo("kagent.dev/v1alpha2");
		assertThat(agent.getMetadata().getNamespace()).isEqualTo("kagent");
		Map<String, Object> spec = agent.get("spec");
		assertThat(spec).containsEntry("type", "Declarative");
		assertThat((String) agent.get("spec", "declarative", "systemMessage")).contains("\"todo\"")
			.contains("todo, mcp and chat")
			.contains("reminders (a cluster-local")
			.contains("Broker todo-events")
			.contains("reason DeadLetter");
		assertThat((String) agent.get("spec", "declarative", "modelConfig")).isEqualTo("default-model-config");
		List<Map<String, Object>> tools = agent.get("spec", "declarative", "tools");
		assertThat(tools).singleElement().satisfies((tool) -> {
			assertThat(tool).containsEntry("type", "McpServer");
			@SuppressWarnings("unchecked")
			Map<String, Object> server = (Map<String, Object>) tool.get("mcpServer");
			assertThat(server).containsEntry("name", "kagent-tool-server").containsEntry("kind", "RemoteMCPServer");
			@SuppressWarnings("unchecked")
			List<String> toolNames = (List<String>) server.get("toolNames");
			assertThat(toolNames).contains("k8s_get_resources", "k8s_get_pod_logs")
				.noneMatch((name) -> name.matches(".*(delete|apply|patch|scale).*"));
		});
	}

	@Test
	void printsClusterLocalUrlsAndTheKagentCommandInTheNotes() {
		assertThat(Charts.notes(Charts.TODO_APP, Scenario.EVERY_OPTION.values()))
			.contains("http://web.todo.todo.example.com")
			.contains("http://todo.todo.svc.cluster.local")
			.contains("kagent invoke -n kagent --agent todo-app-health");
	}

}
