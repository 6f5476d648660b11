package dev.todobot.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration Job is a hook, and Helm runs hooks around the release's own resources:
 * pre-install and pre-upgrade hooks before it applies them, post-install and post-upgrade
 * hooks after; hooks of one event in the order of their weight. Whatever the Job reads
 * must exist by the time each of its events runs it; an upgrade that adds database.url
 * must not start it before its Secret exists.
 */
class MigrationJobTests {

	private static final String HOOK_WEIGHT = "helm.sh/hook-weight";

	private static final String HOOK_DELETE_POLICY = "helm.sh/hook-delete-policy";

	static Scenario[] scenarios() {
		return Scenario.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void readsOnlySecretsAndConfigMapsThatExistWhenItRuns(Scenario scenario) {
		Manifests manifests = scenario.render();
		Job job = manifests.get(Job.class, "todo-app-migrate");
		List<String> events = hookEvents(job);
		assertThat(events).contains("post-install", "pre-upgrade");
		List<HasMetadata> references = references(manifests, job.getSpec().getTemplate().getSpec(),
				scenario.existingSecrets().stream().toList());
		for (HasMetadata resource : references) {
			for (String event : events) {
				assertThat(existsWhen(resource, event, weight(job)))
					.as("%s/%s exists when the %s hook runs", resource.getKind(), resource.getMetadata().getName(),
							event)
					.isTrue();
			}
		}
	}

	/**
	 * Whether a rendered resource exists when a hook of the given event and weight runs.
	 */
	private static boolean existsWhen(HasMetadata resource, String event, int weight) {
		List<String> events = hookEvents(resource);
		boolean afterTheRelease = event.startsWith("post-");
		if (events.isEmpty()) {
			// one of the release's own resources: applied between the pre- and post-
			// hooks
			return afterTheRelease;
		}
		if (events.contains(event) && weight(resource) < weight) {
			return true;
		}
		String sameAction = "pre-" + event.substring(event.indexOf('-') + 1);
		boolean keptAfterItsHook = !annotation(resource, HOOK_DELETE_POLICY).contains("hook-succeeded");
		return afterTheRelease && events.contains(sameAction) && keptAfterItsHook;
	}

	/**
	 * The Secrets and ConfigMaps a pod reads that the chart renders; Secrets the user
	 * makes beforehand (the scenario's existing Secrets) are left out.
	 */
	private static List<HasMetadata> references(Manifests manifests, PodSpec pod, List<String> existingSecrets) {
		List<String> secrets = new ArrayList<>();
		List<String> configMaps = new ArrayList<>();
		pod.getContainers().forEach((container) -> {
			for (EnvVar env : container.getEnv()) {
				if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
					secrets.add(env.getValueFrom().getSecretKeyRef().getName());
				}
				if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
					configMaps.add(env.getValueFrom().getConfigMapKeyRef().getName());
				}
			}
			for (EnvFromSource source : container.getEnvFrom()) {
				if (source.getSecretRef() != null) {
					secrets.add(source.getSecretRef().getName());
				}
				if (source.getConfigMapRef() != null) {
					configMaps.add(source.getConfigMapRef().getName());
				}
			}
		});
		for (Volume volume : pod.getVolumes()) {
			if (volume.getSecret() != null) {
				secrets.add(volume.getSecret().getSecretName());
			}
			if (volume.getConfigMap() != null) {
				configMaps.add(volume.getConfigMap().getName());
			}
		}
		List<HasMetadata> references = new ArrayList<>();
		secrets.stream()
			.distinct()
			.filter((name) -> !existingSecrets.contains(name))
			.forEach((name) -> references.add(manifests.get(Secret.class, name)));
		configMaps.stream().distinct().forEach((name) -> references.add(manifests.get(ConfigMap.class, name)));
		return references;
	}

	private static List<String> hookEvents(HasMetadata resource) {
		String hooks = annotation(resource, Charts.HOOK_ANNOTATION);
		return hooks.isEmpty() ? List.of() : List.of(hooks.split("\\s*,\\s*"));
	}

	private static int weight(HasMetadata resource) {
		String weight = annotation(resource, HOOK_WEIGHT);
		return weight.isEmpty() ? 0 : Integer.parseInt(weight);
	}

	private static String annotation(HasMetadata resource, String name) {
		Map<String, String> annotations = resource.getMetadata().getAnnotations();
		return (annotations != null) ? annotations.getOrDefault(name, "") : "";
	}

}
