package dev.todobot.charts;

import java.util.List;
import java.util.Map;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import static dev.todobot.charts.Workloads.container;
import static dev.todobot.charts.Workloads.env;
import static dev.todobot.charts.Workloads.requiredEnv;
import static dev.todobot.charts.Workloads.secretValue;
import static dev.todobot.charts.Workloads.resolvedEnv;
import static dev.todobot.charts.Workloads.templateAnnotations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app installed with its default values: offline, on the in-cluster PostgreSQL.
 */
class TodoAppDefaultsTests {

	private final Manifests manifests = Scenario.DEFAULTS.render();

	@Test
	void scalesEveryServiceToZeroWhenIdle() {
		assertThat(this.manifests.knativeServices()).allSatisfy((service) -> assertThat(templateAnnotations(service))
			.containsEntry("autoscaling.knative.dev/min-scale", "0"));
	}

	@Test
	void exposesEveryServiceButRemindersThroughKourier() {
		// reminders takes CloudEvents from the Broker only
		assertThat(this.manifests.knativeServices())
			.filteredOn((service) -> !service.getMetadata().getName().equals("reminders"))
			.hasSize(4)
			.allSatisfy((service) -> assertThat(service.getMetadata().getLabels())
				.doesNotContainKey("networking.knative.dev/visibility"));
	}

	@Test
	void tagsEveryImageWithTheAppVersion() {
		assertThat(this.manifests.knativeServices()).extracting((service) -> container(service).getImage())
			.containsExactlyInAnyOrder("todo:0.1.0", "mcp:0.1.0", "chat:0.1.0", "web:0.1.0", "reminders:0.1.0");
	}

	@Test
	void deploysTheInClusterPostgresql() {
		StatefulSet postgresql = this.manifests.get(StatefulSet.class, "todo-app-postgresql");
		assertThat(postgresql.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.matches("postgres:\\d+\\.\\d+-alpine");
		assertThat(postgresql.getSpec().getVolumeClaimTemplates()).singleElement()
			.satisfies((claim) -> assertThat(claim.getSpec().getResources().getRequests().get("storage"))
				.hasToString("1Gi"));
		assertThat(this.manifests.find(io.fabric8.kubernetes.api.model.Service.class, "todo-app-postgresql"))
			.isPresent();
	}

	@Test
	void connectsTheFunctionsToTheInClusterPostgresql() {
		for (String name : List.of("todo", "mcp", "chat")) {
			Container container = container(this.manifests.knativeService(name));
			assertThat(resolvedEnv(this.manifests, container, "DB_HOST"))
				.isEqualTo("todo-app-postgresql.todo.svc.cluster.local");
			assertThat(resolvedEnv(this.manifests, container, "DB_PORT")).isEqualTo("5432");
			assertThat(resolvedEnv(this.manifests, container, "DB_NAME")).isEqualTo("todo");
			assertThat(resolvedEnv(this.manifests, container, "DB_USER")).isEqualTo("todo");
			assertThat(requiredEnv(container, "DB_PASSWORD").getValueFrom().getSecretKeyRef().getName())
				.isEqualTo("todo-app-postgresql");
			assertThat(env(container, "DATABASE_URL")).isEmpty();
		}
	}

	@Test
	void generatesAJwtKeyOfAtLeast32Bytes() {
		assertThat(secretValue(this.manifests.secret("todo-app-jwt"), "JWT_SECRET")).hasSizeGreaterThanOrEqualTo(32);
	}

	@Test
	void givesTodoMcpAndChatTheSameJwtKey() {
		assertThat(List.of("todo", "mcp", "chat")).allSatisfy((name) -> assertThat(
				requiredEnv(container(this.manifests.knativeService(name)), "JWT_SECRET").getValueFrom()
					.getSecretKeyRef())
			.satisfies((reference) -> {
				assertThat(reference.getName()).isEqualTo("todo-app-jwt");
				assertThat(reference.getKey()).isEqualTo("JWT_SECRET");
			}));
	}

	@Test
	void keepsTheJwtKeyAndTheDatabasePasswordAcrossUpgrades() {
		// given: the Secrets of an earlier release
		FakeKubernetesApi api = FakeKubernetesApi.start();
		api.putSecret("upgraded", "todo-app-jwt", Map.of("JWT_SECRET", "the-key-of-the-first-install-0123456789"));
		api.putSecret("upgraded", "todo-app-postgresql", Map.of("password", "the-first-password"));
		// when
		Manifests upgrade = Charts.template(Charts.TODO_APP, "upgraded", Map.of());
		// then
		assertThat(secretValue(upgrade.secret("todo-app-jwt"), "JWT_SECRET"))
			.isEqualTo("the-key-of-the-first-install-0123456789");
		assertThat(secretValue(upgrade.secret("todo-app-postgresql"), "password")).isEqualTo("the-first-password");
	}

	@Test
	void keepsThePostgresqlPasswordWhenUninstalledAsItsVolumeIsKept() {
		// the PersistentVolumeClaim of the StatefulSet outlives helm uninstall; a new
		// install reads the kept password back (keptSecretValue), as an upgrade does
		assertThat(this.manifests.secret("todo-app-postgresql").getMetadata().getAnnotations())
			.containsEntry("helm.sh/resource-policy", "keep");
	}

	@Test
	void rollsOutANewRevisionWhenASecretItReadsChanges() {
		// given: the Secrets an earlier release made, which lookup keeps
		FakeKubernetesApi api = FakeKubernetesApi.start();
		api.putSecret("rotated", "todo-app-jwt", Map.of("JWT_SECRET", "the-key-of-the-first-install-0123456789"));
		api.putSecret("rotated", "todo-app-postgresql", Map.of("password", "the-first-password"));
		// when: the OpenAI key changes
		Manifests before = Charts.template(Charts.TODO_APP, "rotated", Map.of("openai.apiKey", "sk-old-key"));
		Manifests after = Charts.template(Charts.TODO_APP, "rotated", Map.of("openai.apiKey", "sk-new-key"));
		// then: chat, which reads it, gets a new revision; todo, which does not, keeps
		// its own
		assertThat(templateAnnotations(before.knativeService("chat")).get("checksum/secrets")).isNotBlank()
			.isNotEqualTo(templateAnnotations(after.knativeService("chat")).get("checksum/secrets"));
		assertThat(templateAnnotations(before.knativeService("todo")).get("checksum/secrets")).isNotBlank()
			.isEqualTo(templateAnnotations(after.knativeService("todo")).get("checksum/secrets"));
	}

	@Test
	void migratesWithTheTodoImageAsAPostInstallAndPreUpgradeHook() {
		Job job = this.manifests.get(Job.class, "todo-app-migrate");
		assertThat(job.getMetadata().getAnnotations()).containsEntry(Charts.HOOK_ANNOTATION, "post-install,pre-upgrade")
			.containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
		Container migrate = container(job);
		assertThat(migrate.getImage()).isEqualTo("todo:0.1.0");
		assertThat(migrate.getArgs()).containsExactly("migrate");
		assertThat(migrate.getCommand()).isNullOrEmpty();
		assertThat(env(migrate, "DB_PASSWORD")).isPresent();
		assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
	}

	@Test
	void pointsChatAtTheMcpServiceByItsClusterLocalName() {
		assertThat(resolvedEnv(this.manifests, container(this.manifests.knativeService("chat")), "MCP_URL"))
			.isEqualTo("http://mcp.todo.svc.cluster.local/mcp");
	}

	@Test
	void pointsTheWebFrontEndAtTheFunctionsByTheirClusterLocalNames() {
		Container web = container(this.manifests.knativeService("web"));
		assertThat(resolvedEnv(this.manifests, web, "TODO_URL")).isEqualTo("http://todo.todo.svc.cluster.local");
		assertThat(resolvedEnv(this.manifests, web, "CHAT_URL")).isEqualTo("http://chat.todo.svc.cluster.local");
		assertThat(resolvedEnv(this.manifests, web, "MCP_URL")).isEqualTo("http://mcp.todo.svc.cluster.local");
	}

	@Test
	void givesTheWebFrontEndAWritableTmpAndNoDatabase() {
		Container web = container(this.manifests.knativeService("web"));
		assertThat(web.getVolumeMounts()).singleElement()
			.satisfies((mount) -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
		assertThat(web.getEnv()).noneSatisfy((env) -> assertThat(env.getName()).startsWith("DB_"));
		assertThat(env(web, "JWT_SECRET")).isEmpty();
	}

	@Test
	void letsChatUseItsOfflineModelWithoutAnApiKey() {
		Container chat = container(this.manifests.knativeService("chat"));
		assertThat(env(chat, "OPENAI_API_KEY")).isEmpty();
		assertThat(this.manifests.find(Secret.class, "todo-app-openai")).isEmpty();
		assertThat(resolvedEnv(this.manifests, chat, "CHAT_MODEL_TIMEOUT")).isEqualTo("60s");
	}

	@Test
	void givesChatAYoungGenerationForItsLongerRequestsAndTheOtherFunctionsTheImagesOptionsAlone() {
		Container chat = container(this.manifests.knativeService("chat"));
		assertThat(requiredEnv(chat, "JDK_JAVA_OPTIONS").getValue()).isEqualTo("-XX:NewSize=20m");
		for (String function : List.of("todo", "mcp", "web")) {
			assertThat(env(container(this.manifests.knativeService(function)), "JDK_JAVA_OPTIONS")).isEmpty();
		}
		Manifests without = Charts.template(Charts.TODO_APP, Map.of("chat.jvmOptions", ""));
		assertThat(env(container(without.knativeService("chat")), "JDK_JAVA_OPTIONS")).isEmpty();
	}

	@Test
	void addsAFunctionsJvmOptionsToTheImagesBesideItsOtherEnvironment() {
		Manifests withC2 = Charts.template(Charts.TODO_APP, Map.of("todo.jvmOptions", "-XX:TieredStopAtLevel=4",
				"mcp.jvmOptions", "-Xss512k", "todo.env[0].name", "LOGGING_LEVEL_ROOT", "todo.env[0].value", "warn"));
		Container todo = container(withC2.knativeService("todo"));
		assertThat(requiredEnv(todo, "JDK_JAVA_OPTIONS").getValue()).isEqualTo("-XX:TieredStopAtLevel=4");
		assertThat(requiredEnv(todo, "LOGGING_LEVEL_ROOT").getValue()).isEqualTo("warn");
		assertThat(env(todo, "JWT_SECRET")).isPresent();
		assertThat(requiredEnv(container(withC2.knativeService("mcp")), "JDK_JAVA_OPTIONS").getValue())
			.isEqualTo("-Xss512k");
		assertThat(env(container(withC2.knativeService("chat")), "JDK_JAVA_OPTIONS")).isPresent();
	}

	@Test
	void rollsOutANewRevisionWhenTheConfigMapChanges() {
		Manifests changed = Charts.template(Charts.TODO_APP, Map.of("chat.modelTimeout", "2m"));
		for (Service service : this.manifests.knativeServices()) {
			String name = service.getMetadata().getName();
			assertThat(templateAnnotations(service).get("checksum/config"))
				.isNotEqualTo(templateAnnotations(changed.knativeService(name)).get("checksum/config"));
		}
	}

	@Test
	void testsTheReleaseBySigningUpAndAddingATaskThroughTheWebRoute() {
		Pod test = this.manifests.get(Pod.class, "todo-app-test-signup");
		assertThat(test.getMetadata().getAnnotations()).containsEntry(Charts.HOOK_ANNOTATION, "test");
		Container curl = test.getSpec().getContainers().get(0);
		assertThat(requiredEnv(curl, "WEB_URL").getValue()).isEqualTo("http://web.todo.svc.cluster.local");
		assertThat(String.join("\n", curl.getCommand())).contains("$WEB_URL/api/todo/signup")
			.contains("$WEB_URL/api/todo/addTask")
			.contains("Authorization: Bearer $token")
			.contains("\"title\":\"helm test task\"");
		assertThat(curl.getImage()).matches("curlimages/curl:\\d+\\.\\d+\\.\\d+");
		assertThat(curl.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
	}

	@Test
	void createsNoKagentAgent() {
		assertThat(this.manifests.all(GenericKubernetesResource.class)).isEmpty();
	}

	@Test
	void printsTheUrlsAndTheNextStepsAfterInstall() {
		String notes = Charts.notes(Charts.TODO_APP, Map.of());
		assertThat(notes).contains("http://web.todo.127.0.0.1.sslip.io")
			.contains("http://todo.todo.127.0.0.1.sslip.io")
			.contains("http://mcp.todo.127.0.0.1.sslip.io/mcp")
			.contains("http://chat.todo.127.0.0.1.sslip.io/chat")
			.contains("kubectl wait ksvc --all -n todo --for=condition=Ready")
			.contains("helm test todo-app -n todo")
			.contains("in-cluster PostgreSQL todo-app-postgresql")
			.contains("built-in offline model");
	}

}
