package dev.todobot.todoctl.app;

import java.util.Map;
import java.util.Optional;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The autoscaling bounds of a Knative Service, read from the annotations on its revision
 * template ({@code spec.template.metadata.annotations}), where Knative takes them from.
 * Not validated: it reports what the cluster holds.
 *
 * @param min the fewest pods kept running; 0 lets the service scale to zero
 * @param max the most pods, {@code null} for no limit
 */
public record Autoscaling(int min, Integer max) {

	public static final String MIN_SCALE = "autoscaling.knative.dev/min-scale";

	public static final String MAX_SCALE = "autoscaling.knative.dev/max-scale";

	/**
	 * The bounds a service has now; Knative's defaults (0, no limit) where it has no
	 * annotation.
	 * @param service the Knative Service
	 * @return its bounds
	 */
	public static Autoscaling of(Service service) {
		Map<String, String> annotations = Optional.ofNullable(service.getSpec())
			.map((spec) -> spec.getTemplate())
			.map((template) -> template.getMetadata())
			.map(ObjectMeta::getAnnotations)
			.orElse(Map.of());
		int min = parse(annotations.get(MIN_SCALE)).orElse(0);
		Integer max = parse(annotations.get(MAX_SCALE)).filter((value) -> value > 0).orElse(null);
		return new Autoscaling(min, max);
	}

	private static Optional<Integer> parse(String value) {
		try {
			return Optional.ofNullable(value).map(String::trim).map(Integer::valueOf);
		}
		catch (NumberFormatException ex) {
			// Knative's webhook rejects such a value, so it can only come from a
			// hand-made object
			return Optional.empty();
		}
	}

}
