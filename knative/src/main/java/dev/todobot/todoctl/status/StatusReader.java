package dev.todobot.todoctl.status;

import java.util.List;
import java.util.Optional;

import dev.todobot.todoctl.app.Autoscaling;
import dev.todobot.todoctl.app.Conditions;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Reads the state of the app's Knative Services and their pods.
 */
public final class StatusReader {

	private final Cluster cluster;

	public StatusReader(Cluster cluster) {
		this.cluster = cluster;
	}

	public List<ServiceState> read() {
		return TodoApp.services(this.cluster).stream().map(this::read).toList();
	}

	private ServiceState read(Service service) {
		String name = service.getMetadata().getName();
		ServiceStatus status = Optional.ofNullable(service.getStatus()).orElseGet(ServiceStatus::new);
		String ready = Conditions.status(status.getConditions(), Conditions.READY);
		String reason = "True".equals(ready) ? null
				: Conditions.find(status.getConditions(), Conditions.READY)
					.map(Conditions::explain)
					.orElse("no Ready condition yet");
		List<TrafficSplit> traffic = status.getTraffic()
			.stream()
			.map((target) -> new TrafficSplit(target.getRevisionName(),
					Optional.ofNullable(target.getPercent()).orElse(0L), target.getTag()))
			.toList();
		Autoscaling scale = Autoscaling.of(service);
		return new ServiceState(name, ready, reason, status.getUrl(), status.getLatestReadyRevisionName(), traffic,
				runningPods(name), scale.min(), scale.max());
	}

	private int runningPods(String service) {
		return (int) TodoApp.pods(this.cluster, service).stream().filter(StatusReader::isRunning).count();
	}

	private static boolean isRunning(Pod pod) {
		return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
				&& "Running".equals(pod.getStatus().getPhase());
	}

}
