package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * todo-app as real Helm renders it ({@code helm template} through helm-java, Helm as a
 * native library), hooks included: the migration Job and the {@code helm test} pod.
 *
 * @param release the release name
 * @param namespace the release namespace
 * @param resources every rendered resource, hooks included
 */
record RenderedChart(String release, String namespace, List<HasMetadata> resources) {

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	/** Stands for {@code helm.sh/hook} in the rendered copy. */
	static final String HOOK_ANNOTATION = "todobot.dev/helm-hook";

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

	/**
	 * Renders a chart.
	 * @param chart its directory
	 * @param release the release name
	 * @param namespace the namespace
	 * @param valuesFiles {@code --values} files
	 * @return the rendering
	 */
	static RenderedChart render(Path chart, String release, String namespace, List<Path> valuesFiles, Path work) {
		EmptyKubernetesApi.start();
		TemplateCommand template = new Helm(withHooksRendered(chart, work)).template()
			.withName(release)
			.withNamespace(namespace);
		valuesFiles.forEach(template::withValuesFile);
		return new RenderedChart(release, namespace, parse(template.call()));
	}

	/**
	 * helm-java's {@code template} leaves out hook resources (the migration Job, the test
	 * pod), so the chart is rendered from a copy whose templates carry
	 * {@link #HOOK_ANNOTATION} instead of {@code helm.sh/hook}, as the charts module's
	 * tests do; {@link #hook} reads either.
	 */
	private static Path withHooksRendered(Path chart, Path work) {
		Path copy = work.resolve("chart").resolve(chart.getFileName().toString());
		ImageBuilder.deleteRecursively(copy);
		try (var files = Files.walk(chart)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(chart.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (file.startsWith(chart.resolve("templates"))) {
					Files.writeString(target, Files.readString(file).replace("helm.sh/hook:", HOOK_ANNOTATION + ":"));
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return copy;
	}

	private static List<HasMetadata> parse(String yaml) {
		List<HasMetadata> resources = new ArrayList<>();
		for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
			if (document.lines().anyMatch((line) -> !line.isBlank() && !line.stripLeading().startsWith("#"))) {
				resources.add(serialization.unmarshal(document));
			}
		}
		return List.copyOf(resources);
	}

	static String hook(HasMetadata resource) {
		var annotations = resource.getMetadata().getAnnotations();
		if (annotations == null) {
			return null;
		}
		return annotations.getOrDefault("helm.sh/hook", annotations.get(HOOK_ANNOTATION));
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).stream().filter((resource) -> name.equals(resource.getMetadata().getName())).findFirst();
	}

	Service knativeService(String name) {
		return find(Service.class, name)
			.orElseThrow(() -> new IllegalStateException("the chart renders no Knative Service " + name));
	}

	Optional<Job> migrationJob() {
		return all(Job.class).stream().findFirst();
	}

	List<Pod> testPods() {
		return all(Pod.class).stream().filter((pod) -> "test".equals(hook(pod))).toList();
	}

	Optional<String> configMapValue(String name, String key) {
		return find(ConfigMap.class, name).map((map) -> map.getData().get(key));
	}

	Optional<String> secretValue(String name, String key) {
		return find(Secret.class, name).map((secret) -> {
			if (secret.getData() != null && secret.getData().containsKey(key)) {
				return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
			}
			return (secret.getStringData() != null) ? secret.getStringData().get(key) : null;
		});
	}

}
