package dev.todobot.todoctl.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The app's pods: containers that cannot pull their image, that crash-loop, or that were
 * killed for running out of memory.
 */
final class PodCheck implements Check {

	private static final Set<String> IMAGE_PULL_FAILURES = Set.of("ImagePullBackOff", "ErrImagePull",
			"InvalidImageName", "ErrImageNeverPull");

	private static final String OOM_KILLED = "OOMKilled";

	private static final String CRASH_LOOP = "CrashLoopBackOff";

	@Override
	public String name() {
		return "pods";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		List<Finding> findings = new ArrayList<>();
		List<Pod> pods = cluster.kubernetes()
			.pods()
			.inNamespace(cluster.namespace())
			.withLabel(TodoApp.SERVICE_LABEL)
			.list()
			.getItems();
		for (Pod pod : pods) {
			String service = pod.getMetadata().getLabels().get(TodoApp.SERVICE_LABEL);
			if (TodoApp.SERVICES.contains(service) && pod.getStatus() != null) {
				for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
					check(cluster, pod, service, container).ifPresent(findings::add);
				}
			}
		}
		return findings;
	}

	private static Optional<Finding> check(Cluster cluster, Pod pod, String service, ContainerStatus container) {
		String subject = "pod/" + pod.getMetadata().getName() + " (" + container.getName() + ")";
		Optional<ContainerStateWaiting> waiting = Optional.ofNullable(container.getState())
			.map(ContainerState::getWaiting);
		String waitingReason = waiting.map(ContainerStateWaiting::getReason).orElse("");
		if (IMAGE_PULL_FAILURES.contains(waitingReason)) {
			return Optional.of(Finding.error(subject,
					"cannot pull image " + container.getImage() + " (" + waitingReason
							+ waiting.map(ContainerStateWaiting::getMessage).map((m) -> ": " + m).orElse("") + ")",
					Fixes.imagePull(service)));
		}
		Optional<ContainerStateTerminated> oomKilled = terminated(container.getState())
			.or(() -> terminated(container.getLastState()))
			.filter((terminated) -> OOM_KILLED.equals(terminated.getReason()));
		if (oomKilled.isPresent()) {
			String limit = memoryLimit(pod, container.getName());
			return Optional.of(Finding.error(subject,
					"killed for running out of memory (OOMKilled, memory limit " + ((limit != null) ? limit : "unset")
							+ ", restarted " + container.getRestartCount() + " times)",
					Fixes.outOfMemory(service, limit)));
		}
		if (CRASH_LOOP.equals(waitingReason)) {
			String lastExit = terminated(container.getLastState())
				.map((terminated) -> ", last exit code " + terminated.getExitCode()
						+ Optional.ofNullable(terminated.getReason()).map((reason) -> " (" + reason + ")").orElse(""))
				.orElse("");
			return Optional.of(Finding.error(subject,
					"crash-looping (CrashLoopBackOff, restarted " + container.getRestartCount() + " times" + lastExit
							+ ")",
					Fixes.crashLoop(pod.getMetadata().getName(), container.getName(), cluster.namespace())));
		}
		return Optional.empty();
	}

	private static Optional<ContainerStateTerminated> terminated(ContainerState state) {
		return Optional.ofNullable(state).map(ContainerState::getTerminated);
	}

	private static String memoryLimit(Pod pod, String container) {
		return pod.getSpec()
			.getContainers()
			.stream()
			.filter((candidate) -> container.equals(candidate.getName()))
			.findFirst()
			.map(Container::getResources)
			.map((resources) -> resources.getLimits().get("memory"))
			.map(Quantity::toString)
			.orElse(null);
	}

}
