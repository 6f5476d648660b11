package dev.todobot.todoctl.scale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.todobot.todoctl.app.Autoscaling;
import dev.todobot.todoctl.app.Conditions;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import dev.todobot.todoctl.cli.CommandFailure;
import dev.todobot.todoctl.cli.DurationConverter;
import dev.todobot.todoctl.cli.ExitCodes;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Changes the autoscaling bounds of the app's services and waits for the revision that
 * the change creates.
 */
public final class Scaler {

	private final Cluster cluster;

	private final Clock clock;

	public Scaler(Cluster cluster, Clock clock) {
		this.cluster = cluster;
		this.clock = clock;
	}

	/**
	 * Sets min-scale (and max-scale) on each service's revision template with a JSON
	 * merge patch, then waits until each service is Ready on the new generation.
	 * @param services the services to change
	 * @param min the new min-scale
	 * @param max the new max-scale: {@code null} keeps the current one, 0 lifts the limit
	 * @param timeout how long to wait for all of them together
	 * @return one result per service
	 * @throws CommandFailure with {@link ExitCodes#USAGE} when a service does not exist
	 * or the bounds contradict each other (nothing is changed then), with
	 * {@link ExitCodes#TIMEOUT} when a revision is not Ready in time
	 */
	public List<ScaleResult> scale(List<String> services, int min, Integer max, Duration timeout) {
		if (min < 0) {
			throw new CommandFailure(ExitCodes.USAGE, "--min must be 0 or more, not " + min);
		}
		if (max != null && max < 0) {
			throw new CommandFailure(ExitCodes.USAGE, "--max must be 0 (no limit) or more, not " + max);
		}
		Map<String, Map<String, String>> targets = new LinkedHashMap<>();
		for (String name : services) {
			targets.put(name, annotations(service(name), min, max));
		}
		Instant deadline = this.clock.instant().plus(timeout);
		Map<String, Long> generations = new LinkedHashMap<>();
		targets.forEach((name, target) -> generations.put(name, patch(name, target)));
		List<ScaleResult> results = new ArrayList<>();
		generations.forEach((name, generation) -> results.add(await(name, generation, deadline, timeout)));
		return results;
	}

	private Service service(String name) {
		Service service = resource(name).get();
		if (service == null) {
			throw new CommandFailure(ExitCodes.USAGE,
					"Knative Service " + name + " not found in namespace " + this.cluster.namespace());
		}
		return service;
	}

	/**
	 * The annotations to set, after checking that the bounds fit together; max-scale is
	 * only touched when it is given.
	 */
	private static Map<String, String> annotations(Service service, int min, Integer max) {
		String name = service.getMetadata().getName();
		Integer limit = (max == null) ? Autoscaling.of(service).max() : ((max == 0) ? null : max);
		if (limit != null && limit < Math.max(min, 1)) {
			String source = (max == null) ? name + " allows at most " + limit + " pods (max-scale)"
					: "--max " + limit + " is below --min " + min;
			throw new CommandFailure(ExitCodes.USAGE,
					source + "; pass --max " + Math.max(min, 1) + " or more, or --max 0 for no limit");
		}
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put(Autoscaling.MIN_SCALE, String.valueOf(min));
		if (max != null) {
			annotations.put(Autoscaling.MAX_SCALE, String.valueOf(max));
		}
		return annotations;
	}

	private long patch(String name, Map<String, String> annotations) {
		Map<String, Object> patch = Map.of("spec",
				Map.of("template", Map.of("metadata", Map.of("annotations", annotations))));
		String json = this.cluster.kubernetes().getKubernetesSerialization().asJson(patch);
		Service patched = resource(name).patch(PatchContext.of(PatchType.JSON_MERGE), json);
		return Optional.ofNullable(patched.getMetadata().getGeneration()).orElse(0L);
	}

	private ScaleResult await(String name, long generation, Instant deadline, Duration timeout) {
		long millis = Math.max(Duration.between(this.clock.instant(), deadline).toMillis(), 1);
		Service settled;
		try {
			settled = resource(name).waitUntilCondition((service) -> settled(service, generation), millis,
					TimeUnit.MILLISECONDS);
		}
		catch (KubernetesClientTimeoutException ex) {
			throw new CommandFailure(ExitCodes.TIMEOUT,
					"The change to " + name + " is applied, but its new revision was not Ready within "
							+ DurationConverter.format(timeout)
							+ "; Knative keeps rolling it out: see todoctl status and todoctl doctor");
		}
		ServiceStatus status = settled.getStatus();
		Optional<Condition> ready = Conditions.find(status.getConditions(), Conditions.READY);
		boolean isReady = ready.map(Condition::getStatus).filter("True"::equals).isPresent();
		Autoscaling now = Autoscaling.of(settled);
		return new ScaleResult(name, now.min(), now.max(), status.getLatestCreatedRevisionName(), isReady,
				isReady ? null : ready.map(Conditions::explain).orElse(null), pods(name));
	}

	/**
	 * Whether Knative has finished reconciling a generation: Ready (serving the newest
	 * revision) or failed for good.
	 */
	private static boolean settled(Service service, long generation) {
		if (service == null || service.getStatus() == null
				|| Optional.ofNullable(service.getStatus().getObservedGeneration()).orElse(0L) < generation) {
			return false;
		}
		ServiceStatus status = service.getStatus();
		return switch (Conditions.status(status.getConditions(), Conditions.READY)) {
			case "True" -> Objects.equals(status.getLatestReadyRevisionName(), status.getLatestCreatedRevisionName());
			case "False" -> true;
			default -> false;
		};
	}

	private List<PodSummary> pods(String service) {
		return TodoApp.pods(this.cluster, service)
			.stream()
			.map(Scaler::summary)
			.sorted(Comparator.comparing(PodSummary::name))
			.toList();
	}

	private static PodSummary summary(Pod pod) {
		List<ContainerStatus> containers = (pod.getStatus() != null) ? pod.getStatus().getContainerStatuses()
				: List.of();
		long ready = containers.stream().filter((c) -> Boolean.TRUE.equals(c.getReady())).count();
		int total = Math.max(containers.size(), pod.getSpec().getContainers().size());
		String phase = (pod.getStatus() != null) ? pod.getStatus().getPhase() : null;
		return new PodSummary(pod.getMetadata().getName(), pod.getMetadata().getLabels().get(TodoApp.REVISION_LABEL),
				phase, ready + "/" + total);
	}

	private Resource<Service> resource(String name) {
		return this.cluster.knative().services().inNamespace(this.cluster.namespace()).withName(name);
	}

}
