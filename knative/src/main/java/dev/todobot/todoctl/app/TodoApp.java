package dev.todobot.todoctl.app;

import java.util.Comparator;
import java.util.List;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * What todoctl knows about the app the todo-app chart deploys: its Knative Services and
 * the labels and annotations Knative puts on them.
 */
public final class TodoApp {

	/** The label the chart puts on every Knative Service of the app. */
	public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";

	public static final String PART_OF = "todo-app";

	/** The label Knative puts on the revisions and pods of a service. */
	public static final String SERVICE_LABEL = "serving.knative.dev/service";

	/** The label Knative puts on the pods of a revision. */
	public static final String REVISION_LABEL = "serving.knative.dev/revision";

	/**
	 * The Knative Services the chart deploys, in the order todoctl lists them; reminders
	 * only with the chart's eventing.enabled.
	 */
	public static final List<String> SERVICES = List.of("todo", "mcp", "chat", "web", "reminders");

	/** The function that takes the Broker's events, and its dead letters. */
	public static final String REMINDERS = "reminders";

	/**
	 * The services that are Spring functions with a readiness endpoint reachable from
	 * outside the cluster (web is nginx; reminders is cluster-local).
	 */
	public static final List<String> FUNCTIONS = List.of("todo", "mcp", "chat");

	/** Readiness of a function; its group includes the database. */
	public static final String READINESS_PATH = "/actuator/health/readiness";

	/** The word that stands for every service of the app, as in {@code scale all}. */
	public static final String ALL = "all";

	/**
	 * The Knative Services' container, as Knative names it when the chart gives no name.
	 */
	public static final String USER_CONTAINER = "user-container";

	private TodoApp() {
	}

	/**
	 * The app's Knative Services in the release namespace, in the order of
	 * {@link #SERVICES}.
	 * @param cluster the cluster and namespace
	 * @return the services labelled as part of the app
	 */
	public static List<Service> services(Cluster cluster) {
		return cluster.knative()
			.services()
			.inNamespace(cluster.namespace())
			.withLabel(PART_OF_LABEL, PART_OF)
			.list()
			.getItems()
			.stream()
			.sorted(Comparator.comparing((Service service) -> order(service.getMetadata().getName()))
				.thenComparing((service) -> service.getMetadata().getName()))
			.toList();
	}

	/**
	 * The pods of one of the app's Knative Services, of every revision.
	 * @param cluster the cluster and namespace
	 * @param service the Knative Service
	 * @return the pods Knative labelled with the service, in the cluster's order
	 */
	public static List<Pod> pods(Cluster cluster, String service) {
		return cluster.kubernetes()
			.pods()
			.inNamespace(cluster.namespace())
			.withLabel(SERVICE_LABEL, service)
			.list()
			.getItems();
	}

	private static int order(String name) {
		int index = SERVICES.indexOf(name);
		return (index >= 0) ? index : SERVICES.size();
	}

}
