package dev.todobot.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Rendered manifests, parsed with fabric8's Kubernetes and Knative models: a Knative
 * Service becomes {@link Service}, core kinds their model classes, and kinds without a
 * model (the Knative Operator's and kagent's) a {@link GenericKubernetesResource}.
 *
 * @param resources every rendered resource in Helm's order
 */
record Manifests(List<HasMetadata> resources) {

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

	static Manifests parse(String yaml) {
		List<HasMetadata> resources = new ArrayList<>();
		for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
			if (document.lines().anyMatch((line) -> !line.isBlank() && !line.stripLeading().startsWith("#"))) {
				resources.add(serialization.unmarshal(document));
			}
		}
		return new Manifests(List.copyOf(resources));
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).stream().filter((resource) -> name.equals(resource.getMetadata().getName())).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> type, String name) {
		return find(type, name)
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in " + names()));
	}

	List<Service> knativeServices() {
		return all(Service.class);
	}

	Service knativeService(String name) {
		return get(Service.class, name);
	}

	Secret secret(String name) {
		return get(Secret.class, name);
	}

	ConfigMap configMap(String name) {
		return get(ConfigMap.class, name);
	}

	Optional<GenericKubernetesResource> generic(String kind, String name) {
		return all(GenericKubernetesResource.class).stream()
			.filter((resource) -> kind.equals(resource.getKind()) && name.equals(resource.getMetadata().getName()))
			.findFirst();
	}

	List<String> names() {
		return this.resources.stream()
			.map((resource) -> resource.getKind() + "/" + resource.getMetadata().getName())
			.toList();
	}

}
