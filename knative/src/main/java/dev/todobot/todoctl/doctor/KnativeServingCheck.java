package dev.todobot.todoctl.doctor;

import java.util.List;
import java.util.Map;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The KnativeServing resource of the Knative Operator is present and Ready.
 */
final class KnativeServingCheck implements Check {

	/**
	 * fabric8 has no model for the Operator's resources, so they are read generically.
	 */
	private static final ResourceDefinitionContext KNATIVE_SERVING = new ResourceDefinitionContext.Builder()
		.withGroup("operator.knative.dev")
		.withVersion("v1beta1")
		.withKind("KnativeServing")
		.withPlural("knativeservings")
		.withNamespaced(true)
		.build();

	private static final int NOT_FOUND = 404;

	@Override
	public String name() {
		return "KnativeServing";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		List<GenericKubernetesResource> servings;
		try {
			servings = cluster.kubernetes()
				.genericKubernetesResources(KNATIVE_SERVING)
				.inNamespace(KnativeSystem.SERVING_NAMESPACE)
				.list()
				.getItems();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() != NOT_FOUND) {
				throw ex;
			}
			// the CustomResourceDefinition is missing: the Operator is not installed
			servings = List.of();
		}
		if (servings.isEmpty()) {
			return List.of(Finding.error("knativeserving",
					"no KnativeServing in namespace " + KnativeSystem.SERVING_NAMESPACE
							+ ": Knative Serving is not installed by the Operator",
					"install the Knative Operator, then the charts/knative-serving chart (task knative:install)"));
		}
		return servings.stream().flatMap((serving) -> check(serving).stream()).toList();
	}

	private static List<Finding> check(GenericKubernetesResource serving) {
		String subject = "knativeserving/" + serving.getMetadata().getName();
		List<Map<String, Object>> conditions = serving.get("status", "conditions");
		Map<String, Object> ready = (conditions != null) ? conditions.stream()
			.filter((condition) -> "Ready".equals(condition.get("type")))
			.findFirst()
			.orElse(null) : null;
		if (ready == null) {
			return List.of(Finding.warning(subject, "has no Ready condition yet: the Operator has not reconciled it",
					"check that the Knative Operator runs: kubectl get pods -n knative-operator"));
		}
		if ("True".equals(ready.get("status"))) {
			return List.of();
		}
		String reason = String.join(": ", List.of(String.valueOf(ready.getOrDefault("reason", "NotReady")),
				String.valueOf(ready.getOrDefault("message", "no message"))));
		return List.of(Finding.error(subject, "not Ready (" + reason + ")",
				"kubectl describe knativeserving " + serving.getMetadata().getName() + " -n "
						+ KnativeSystem.SERVING_NAMESPACE + " and the Knative Operator's logs"));
	}

}
