package dev.todobot.todoctl.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Kourier, the ingress in front of every Knative Service, is installed and available: its
 * gateway (Envoy) and its controller. The Knative Operator installs both into the
 * KnativeServing's namespace ({@code knative-serving}); Kourier's own YAML install puts
 * the gateway into {@code kourier-system}, which is accepted too.
 */
final class KourierCheck implements Check {

	private static final String ENABLE_KOURIER = "enable Kourier in the KnativeServing resource"
			+ " (spec.ingress.kourier.enabled: true, spec.config.network.ingress-class:"
			+ " kourier.ingress.networking.knative.dev), as the charts/knative-serving chart does";

	@Override
	public String name() {
		return "Kourier";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		List<Finding> findings = new ArrayList<>();
		Optional<Deployment> gateway = Stream.of(KnativeSystem.SERVING_NAMESPACE, KnativeSystem.KOURIER_NAMESPACE)
			.map((namespace) -> deployment(cluster, namespace, KnativeSystem.KOURIER_GATEWAY))
			.filter(Objects::nonNull)
			.findFirst();
		if (gateway.isEmpty()) {
			findings
				.add(Finding.error("deployment/" + KnativeSystem.KOURIER_GATEWAY,
						"Kourier's gateway is not installed (looked in " + KnativeSystem.SERVING_NAMESPACE + " and "
								+ KnativeSystem.KOURIER_NAMESPACE + "): no request reaches any service",
						ENABLE_KOURIER));
		}
		else {
			unavailable(gateway.get()).ifPresent(findings::add);
		}
		Deployment controller = deployment(cluster, KnativeSystem.SERVING_NAMESPACE, KnativeSystem.KOURIER_CONTROLLER);
		if (controller == null) {
			findings.add(Finding.error(
					"deployment/" + KnativeSystem.KOURIER_CONTROLLER, "Kourier's controller is not installed in "
							+ KnativeSystem.SERVING_NAMESPACE + ": new routes are not programmed into the gateway",
					ENABLE_KOURIER));
		}
		else {
			unavailable(controller).ifPresent(findings::add);
		}
		return findings;
	}

	private static Deployment deployment(Cluster cluster, String namespace, String name) {
		return cluster.kubernetes().apps().deployments().inNamespace(namespace).withName(name).get();
	}

	private static Optional<Finding> unavailable(Deployment deployment) {
		int available = Optional.ofNullable(deployment.getStatus())
			.map((status) -> status.getAvailableReplicas())
			.orElse(0);
		if (available > 0) {
			return Optional.empty();
		}
		String name = deployment.getMetadata().getName();
		String namespace = deployment.getMetadata().getNamespace();
		return Optional
			.of(Finding.error("deployment/" + name, "installed in " + namespace + " but has no available replica",
					"kubectl describe deployment " + name + " -n " + namespace + " and the events of its pods"));
	}

}
