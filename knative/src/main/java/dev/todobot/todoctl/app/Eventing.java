package dev.todobot.todoctl.app;

import java.util.Comparator;
import java.util.List;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The Knative Eventing resources the todo-app chart deploys with eventing.enabled: the
 * Broker that is todo's K_SINK, the Triggers that deliver to the reminders function and
 * the PingSource that ticks it. Each carries the chart's part-of label, as the Knative
 * Services do.
 */
public final class Eventing {

	private Eventing() {
	}

	public static List<Broker> brokers(Cluster cluster) {
		return byName(cluster.knative()
			.brokers()
			.inNamespace(cluster.namespace())
			.withLabel(TodoApp.PART_OF_LABEL, TodoApp.PART_OF)
			.list()
			.getItems());
	}

	public static List<Trigger> triggers(Cluster cluster) {
		return byName(cluster.knative()
			.triggers()
			.inNamespace(cluster.namespace())
			.withLabel(TodoApp.PART_OF_LABEL, TodoApp.PART_OF)
			.list()
			.getItems());
	}

	public static List<PingSource> pingSources(Cluster cluster) {
		return byName(cluster.knative()
			.pingSources()
			.inNamespace(cluster.namespace())
			.withLabel(TodoApp.PART_OF_LABEL, TodoApp.PART_OF)
			.list()
			.getItems());
	}

	private static <T extends HasMetadata> List<T> byName(List<T> resources) {
		return resources.stream()
			.sorted(Comparator.comparing((T resource) -> resource.getMetadata().getName()))
			.toList();
	}

}
