package dev.todobot.todoctl.doctor;

import java.util.List;
import java.util.Optional;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * Scale-to-zero is enabled in Knative's autoscaler config; without it every service keeps
 * at least one pod however idle it is.
 */
final class ScaleToZeroCheck implements Check {

	@Override
	public String name() {
		return "scale-to-zero";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		ConfigMap config = cluster.kubernetes()
			.configMaps()
			.inNamespace(KnativeSystem.SERVING_NAMESPACE)
			.withName(KnativeSystem.AUTOSCALER_CONFIG)
			.get();
		String subject = "configmap/" + KnativeSystem.AUTOSCALER_CONFIG;
		if (config == null) {
			return List.of(Finding.warning(subject,
					"not found in " + KnativeSystem.SERVING_NAMESPACE + ": cannot tell whether services scale to zero",
					"check that Knative Serving is installed (see the KnativeServing finding)"));
		}
		// Knative's default is true: only an explicit "false" turns it off
		String value = Optional.ofNullable(config.getData())
			.map((data) -> data.get(KnativeSystem.SCALE_TO_ZERO_KEY))
			.orElse("true");
		if (!"false".equalsIgnoreCase(value.trim())) {
			return List.of();
		}
		return List.of(Finding.warning(subject,
				KnativeSystem.SCALE_TO_ZERO_KEY
						+ " is \"false\": idle services keep a pod running instead of scaling to zero",
				"set spec.config.autoscaler." + KnativeSystem.SCALE_TO_ZERO_KEY
						+ ": \"true\" in the KnativeServing resource (the Operator reverts edits to the ConfigMap itself)"));
	}

}
