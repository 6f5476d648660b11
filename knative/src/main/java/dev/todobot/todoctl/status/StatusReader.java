package dev.todobot.todoctl.status;

import java.util.List;
import java.util.Optional;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.todobot.todoctl.app.Autoscaling;
import dev.todobot.todoctl.app.Conditions;
import dev.todobot.todoctl.app.Eventing;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.duck.v1.Addressable;
import io.fabric8.knative.duck.v1.Destination;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * Reads the state of the app's Knative Services and their pods, and of its Broker,
 * Triggers and PingSource.
 */
public final class StatusReader {

	private final Cluster cluster;

	public StatusReader(Cluster cluster) {
		this.cluster = cluster;
	}

	public AppStatus read() {
		return new AppStatus(TodoApp.services(this.cluster).stream().map(this::read).toList(), readEventing());
	}

	private List<EventingState> readEventing() {
		Stream<EventingState> brokers = Eventing.brokers(this.cluster).stream().map(StatusReader::read);
		Stream<EventingState> triggers = Eventing.triggers(this.cluster).stream().map(StatusReader::read);
		Stream<EventingState> pings = Eventing.pingSources(this.cluster).stream().map(StatusReader::read);
		return Stream.of(brokers, triggers, pings).flatMap((stream) -> stream).toList();
	}

	private static EventingState read(Broker broker) {
		List<Condition> conditions = (broker.getStatus() != null) ? broker.getStatus().getConditions() : null;
		String address = Optional.ofNullable(broker.getStatus())
			.map((status) -> status.getAddress())
			.map(Addressable::getUrl)
			.orElse(null);
		return state("broker", broker.getMetadata().getName(), conditions, address);
	}

	private static EventingState read(Trigger trigger) {
		List<Condition> conditions = (trigger.getStatus() != null) ? trigger.getStatus().getConditions() : null;
		Map<String, String> filter = (trigger.getSpec().getFilter() != null)
				? trigger.getSpec().getFilter().getAttributes() : null;
		String attributes = (filter == null || filter.isEmpty()) ? "every event"
				: filter.entrySet()
					.stream()
					.map((attribute) -> attribute.getKey() + "=" + attribute.getValue())
					.collect(Collectors.joining(","));
		String subscriber = Optional.ofNullable(trigger.getStatus())
			.map((status) -> status.getSubscriberUri())
			.orElseGet(() -> destination(trigger.getSpec().getSubscriber()));
		return state("trigger", trigger.getMetadata().getName(), conditions, attributes + " -> " + subscriber);
	}

	private static EventingState read(PingSource source) {
		List<Condition> conditions = (source.getStatus() != null) ? source.getStatus().getConditions() : null;
		String sink = destination(source.getSpec().getSink());
		return state("pingsource", source.getMetadata().getName(), conditions,
				source.getSpec().getSchedule() + " -> " + sink);
	}

	/** A destination as the chart writes it: a reference, with a path or a URI. */
	private static String destination(Destination destination) {
		if (destination == null) {
			return "?";
		}
		String ref = (destination.getRef() != null) ? kind(destination.getRef()) + "/" + destination.getRef().getName()
				: "";
		return ref + Optional.ofNullable(destination.getUri()).orElse("");
	}

	/** As kubectl names it: a Knative Service is a ksvc. */
	private static String kind(KReference ref) {
		boolean knativeService = "Service".equals(ref.getKind()) && ref.getApiVersion() != null
				&& ref.getApiVersion().startsWith("serving.knative.dev/");
		return knativeService ? "ksvc" : ref.getKind().toLowerCase();
	}

	private static EventingState state(String kind, String name, List<Condition> conditions, String route) {
		String ready = Conditions.status(conditions, Conditions.READY);
		return new EventingState(kind, name, ready, reason(conditions, ready), route);
	}

	private static String reason(List<Condition> conditions, String ready) {
		return "True".equals(ready) ? null
				: Conditions.find(conditions, Conditions.READY)
					.map(Conditions::explain)
					.orElse("no Ready condition yet");
	}

	private ServiceState read(Service service) {
		String name = service.getMetadata().getName();
		ServiceStatus status = Optional.ofNullable(service.getStatus()).orElseGet(ServiceStatus::new);
		String ready = Conditions.status(status.getConditions(), Conditions.READY);
		String reason = reason(status.getConditions(), ready);
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
