package dev.todobot.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.knative.serving.v1.RevisionSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.todobot.charts.Workloads.container;
import static dev.todobot.charts.Workloads.revision;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules Knative enforces (or that the todoctl CLI relies on), checked on every
 * Knative Service of every scenario.
 */
class KnativeServiceRulesTests {

	private static final List<String> SERVICES = List.of("todo", "mcp", "chat", "web", "reminders");

	private static final List<String> FUNCTIONS = List.of("todo", "mcp", "chat", "reminders");

	private static final List<String> AUTOSCALING_ANNOTATIONS = List.of("autoscaling.knative.dev/min-scale",
			"autoscaling.knative.dev/max-scale", "autoscaling.knative.dev/target",
			"autoscaling.knative.dev/scale-down-delay");

	/** Set by Knative itself; a Service that sets them is rejected. */
	private static final Set<String> RESERVED_ENV = Set.of("PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION");

	static Scenario[] scenarios() {
		return Scenario.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void rendersTheFiveKnativeServicesByTheirPlainNames(Scenario scenario) {
		assertThat(scenario.render().knativeServices()).allSatisfy((service) -> {
			assertThat(service.getApiVersion()).isEqualTo("serving.knative.dev/v1");
			assertThat(service.getKind()).isEqualTo("Service");
		}).extracting((service) -> service.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void labelsEveryServiceAsTodoctlExpects(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			assertThat(service.getMetadata().getLabels()).as(service.getMetadata().getName())
				.containsEntry("app.kubernetes.io/part-of", "todo-app")
				.containsEntry("app.kubernetes.io/component", service.getMetadata().getName())
				.containsEntry("app.kubernetes.io/instance", Charts.RELEASE)
				.containsEntry("app.kubernetes.io/managed-by", "Helm")
				.containsKey("helm.sh/chart");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void runsExactlyOneContainerWithExactlyOnePort(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			List<Container> containers = revision(service).getContainers();
			assertThat(containers).as(service.getMetadata().getName()).hasSize(1);
			assertThat(containers.get(0).getPorts()).as(service.getMetadata().getName())
				.singleElement()
				.satisfies((port) -> assertThat(port.getContainerPort()).isEqualTo(8080));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void probesLivenessAndReadinessOverHttpWithoutAPort(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			Container container = container(service);
			for (Probe probe : new Probe[] { container.getLivenessProbe(), container.getReadinessProbe() }) {
				assertThat(probe).as(service.getMetadata().getName()).isNotNull();
				assertThat(probe.getHttpGet().getPath()).startsWith("/");
				assertThat(probe.getHttpGet().getPort()).isNull();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void probesTheFunctionsOnTheirActuatorHealthGroups(Scenario scenario) {
		for (String name : FUNCTIONS) {
			Container container = container(scenario.render().knativeService(name));
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void setsRequestsAndLimitsOfCpuAndMemory(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			var resources = container(service).getResources();
			assertThat(resources.getRequests()).as(service.getMetadata().getName()).containsKeys("cpu", "memory");
			assertThat(resources.getLimits()).as(service.getMetadata().getName()).containsKeys("cpu", "memory");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void limitsEachFunctionTo256MiOfMemory(Scenario scenario) {
		for (String name : FUNCTIONS) {
			assertThat(container(scenario.render().knativeService(name)).getResources().getLimits().get("memory"))
				.as(name)
				.hasToString("256Mi");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void runsEveryContainerWithTheRestrictedSecurityContext(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			SecurityContext context = container(service).getSecurityContext();
			assertThat(context).as(service.getMetadata().getName()).isNotNull();
			assertThat(context.getRunAsNonRoot()).isTrue();
			assertThat(context.getReadOnlyRootFilesystem()).isTrue();
			assertThat(context.getAllowPrivilegeEscalation()).isFalse();
			assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
			assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
			assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
			assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void putsTheAutoscalingAnnotationsOnTheRevisionTemplate(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			assertThat(service.getSpec().getTemplate().getMetadata().getAnnotations())
				.as(service.getMetadata().getName())
				.containsKeys(AUTOSCALING_ANNOTATIONS.toArray(String[]::new));
			assertThat(service.getMetadata().getAnnotations()).as(service.getMetadata().getName())
				.doesNotContainKeys(AUTOSCALING_ANNOTATIONS.toArray(String[]::new));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void usesNoFieldKnativeRejectsWithoutAFeatureFlag(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			RevisionSpec revision = revision(service);
			String name = service.getMetadata().getName();
			assertThat(revision.getSecurityContext()).as(name + ": pod securityContext").isNull();
			assertThat(revision.getInitContainers()).as(name + ": init containers").isNullOrEmpty();
			assertThat(revision.getHostNetwork()).as(name + ": hostNetwork").isNotEqualTo(Boolean.TRUE);
			assertThat(revision.getNodeSelector()).as(name + ": nodeSelector").isNullOrEmpty();
			assertThat(revision.getAffinity()).as(name + ": affinity").isNull();
			assertThat(revision.getTolerations()).as(name + ": tolerations").isNullOrEmpty();
			assertThat(revision.getVolumes()).as(name + ": volumes").allSatisfy((volume) -> {
				assertThat(volume.getPersistentVolumeClaim()).as("persistentVolumeClaim").isNull();
				assertThat(volume.getHostPath()).as("hostPath").isNull();
			});
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void mountsSecretsAndConfigMapsReadOnlyAndTmpOnlyForWeb(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			RevisionSpec revision = revision(service);
			for (Volume volume : revision.getVolumes()) {
				boolean configuration = volume.getSecret() != null || volume.getConfigMap() != null
						|| volume.getProjected() != null;
				boolean scratch = volume.getEmptyDir() != null;
				assertThat(configuration || scratch).as(volume.getName()).isTrue();
				if (scratch) {
					// kubernetes.podspec-volumes-emptydir, which the knative-serving
					// chart enables
					assertThat(service.getMetadata().getName()).isEqualTo("web");
				}
				for (VolumeMount mount : container(service).getVolumeMounts()) {
					if (mount.getName().equals(volume.getName()) && configuration) {
						assertThat(mount.getReadOnly()).as(mount.getName()).isTrue();
					}
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void setsNoEnvironmentVariableKnativeReserves(Scenario scenario) {
		for (Service service : scenario.render().knativeServices()) {
			assertThat(container(service).getEnv()).extracting(EnvVar::getName)
				.as(service.getMetadata().getName())
				.doesNotContainAnyElementsOf(RESERVED_ENV);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void resolvesEverySecretReference(Scenario scenario) {
		Manifests manifests = scenario.render();
		for (SecretKeySelector reference : secretReferences(manifests)) {
			if (scenario.existingSecrets().contains(reference.getName())) {
				continue;
			}
			Secret secret = manifests.secret(reference.getName());
			assertThat(secret.getData()).as(reference.getName()).containsKey(reference.getKey());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void resolvesEveryConfigMapReference(Scenario scenario) {
		Manifests manifests = scenario.render();
		for (ConfigMapKeySelector reference : configMapReferences(manifests)) {
			ConfigMap configMap = manifests.configMap(reference.getName());
			assertThat(configMap.getData()).as(reference.getName()).containsKey(reference.getKey());
		}
	}

	private static List<EnvVar> everyEnvVar(Manifests manifests) {
		List<Container> containers = new ArrayList<>();
		manifests.knativeServices().forEach((service) -> containers.addAll(revision(service).getContainers()));
		Stream
			.concat(manifests.all(Job.class).stream().map((job) -> job.getSpec().getTemplate().getSpec()),
					manifests.all(StatefulSet.class).stream().map((set) -> set.getSpec().getTemplate().getSpec()))
			.map(PodSpec::getContainers)
			.forEach(containers::addAll);
		return containers.stream().flatMap((container) -> container.getEnv().stream()).toList();
	}

	private static List<SecretKeySelector> secretReferences(Manifests manifests) {
		return everyEnvVar(manifests).stream()
			.filter((env) -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
			.map((env) -> env.getValueFrom().getSecretKeyRef())
			.toList();
	}

	private static List<ConfigMapKeySelector> configMapReferences(Manifests manifests) {
		return everyEnvVar(manifests).stream()
			.filter((env) -> env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null)
			.map((env) -> env.getValueFrom().getConfigMapKeyRef())
			.toList();
	}

}
