package dev.todobot.todoctl.status;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import dev.todobot.todoctl.cli.ClusterConnector;
import dev.todobot.todoctl.cli.ClusterOptions;
import dev.todobot.todoctl.cli.ExitCodes;
import dev.todobot.todoctl.cli.OutputOptions;
import dev.todobot.todoctl.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code todoctl status}: the app's Knative Services at a glance.
 */
@Command(name = "status",
		description = { "Show each service: Ready, URL, revision, traffic, pods, scale.", "",
				"For each Knative Service of the app: Ready (with the reason when not), URL, latest ready"
						+ " revision, traffic split, pods running now and min/max scale."
						+ " Exits with 1 when a service is not Ready or none is found." })
public final class StatusCommand implements Callable<Integer> {

	private final ClusterConnector connector;

	@Spec
	private CommandSpec spec;

	@Mixin
	private ClusterOptions clusterOptions;

	@Mixin
	private OutputOptions output;

	public StatusCommand(ClusterConnector connector) {
		this.connector = connector;
	}

	@Override
	public Integer call() {
		Cluster cluster = this.clusterOptions.open(this.connector);
		List<ServiceState> services = new StatusReader(cluster).read();
		if (services.isEmpty()) {
			this.spec.commandLine()
				.getErr()
				.printf("No Knative Services labelled %s=%s in namespace %s (wrong --namespace?)%n",
						TodoApp.PART_OF_LABEL, TodoApp.PART_OF, cluster.namespace());
			return ExitCodes.FINDINGS;
		}
		this.output.print(this.spec.commandLine().getOut(), services, table(services).render());
		return services.stream().allMatch((service) -> "True".equals(service.ready())) ? ExitCodes.OK
				: ExitCodes.FINDINGS;
	}

	private static Table table(List<ServiceState> services) {
		Table table = Table.of("NAME", "READY", "URL", "LATEST READY", "TRAFFIC", "PODS", "MIN", "MAX", "REASON");
		for (ServiceState service : services) {
			String traffic = service.traffic()
				.stream()
				.map(TrafficSplit::toString)
				.collect(Collectors.collectingAndThen(Collectors.joining(","), (text) -> text.isEmpty() ? null : text));
			table.row(service.name(), service.ready(), service.url(), service.latestReadyRevision(), traffic,
					service.podsRunning(), service.minScale(), service.maxScale(), service.reason());
		}
		return table;
	}

}
