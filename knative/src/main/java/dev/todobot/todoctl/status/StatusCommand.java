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
		description = { "Show services and eventing: Ready, URL, revision, pods, scale.", "",
				"For each Knative Service of the app: Ready (with the reason when not), URL, latest ready"
						+ " revision, traffic split, pods running now and min/max scale. Then the app's Broker,"
						+ " Triggers and PingSource: Ready (with the reason when not) and where each sends"
						+ " events. Exits with 1 when one of them is not Ready or no service is found." })
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
		AppStatus status = new StatusReader(cluster).read();
		if (status.services().isEmpty()) {
			this.spec.commandLine()
				.getErr()
				.printf("No Knative Services labelled %s=%s in namespace %s (wrong --namespace?)%n",
						TodoApp.PART_OF_LABEL, TodoApp.PART_OF, cluster.namespace());
			return ExitCodes.FINDINGS;
		}
		String text = table(status.services()).render();
		if (!status.eventing().isEmpty()) {
			text += "\n" + eventingTable(status.eventing()).render();
		}
		this.output.print(this.spec.commandLine().getOut(), status, text);
		return status.ready() ? ExitCodes.OK : ExitCodes.FINDINGS;
	}

	private static Table eventingTable(List<EventingState> resources) {
		Table table = Table.of("EVENTING", "NAME", "READY", "ROUTE", "REASON");
		for (EventingState resource : resources) {
			table.row(resource.kind(), resource.name(), resource.ready(), resource.route(), resource.reason());
		}
		return table;
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
