package dev.todobot.charts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.fabric8.knative.serving.v1.RevisionSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * Short ways into rendered workloads.
 */
final class Workloads {

	private Workloads() {
	}

	static RevisionSpec revision(Service service) {
		return service.getSpec().getTemplate().getSpec();
	}

	static Container container(Service service) {
		return revision(service).getContainers().get(0);
	}

	static Container container(Job job) {
		return job.getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	static Map<String, String> templateAnnotations(Service service) {
		return service.getSpec().getTemplate().getMetadata().getAnnotations();
	}

	static Optional<EnvVar> env(Container container, String name) {
		return container.getEnv().stream().filter((env) -> name.equals(env.getName())).findFirst();
	}

	static EnvVar requiredEnv(Container container, String name) {
		return env(container, name)
			.orElseThrow(() -> new AssertionError(container.getName() + " has no environment variable " + name));
	}

	/**
	 * An entry of a rendered Secret, decoded.
	 * @param secret the Secret
	 * @param key the entry
	 * @return its plain text
	 */
	static String secretValue(Secret secret, String key) {
		return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
	}

	/**
	 * The value an environment variable takes: its own value, or the entry of the
	 * rendered ConfigMap it references.
	 * @param manifests the rendered manifests
	 * @param container the container
	 * @param name the variable
	 * @return its value
	 */
	static String resolvedEnv(Manifests manifests, Container container, String name) {
		EnvVar env = requiredEnv(container, name);
		if (env.getValueFrom() == null) {
			return env.getValue();
		}
		var reference = env.getValueFrom().getConfigMapKeyRef();
		if (reference == null) {
			throw new AssertionError(name + " is not taken from a ConfigMap");
		}
		return manifests.configMap(reference.getName()).getData().get(reference.getKey());
	}

}
