package dev.todobot.todoctl.scale;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.todobot.todoctl.app.ServiceNames;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import dev.todobot.todoctl.cli.ClusterConnector;
import dev.todobot.todoctl.cli.ClusterOptions;
import dev.todobot.todoctl.cli.DurationConverter;
import dev.todobot.todoctl.cli.ExitCodes;
import dev.todobot.todoctl.cli.OutputOptions;
import dev.todobot.todoctl.cli.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code todoctl scale}: sets a service's autoscaling bounds.
 */
@Command(name = "scale",
		description = { "Set how many pods a service (or all of them) keeps and may run.", "",
				"Patches autoscaling.knative.dev/min-scale (and max-scale) on the revision template,"
						+ " which makes Knative roll out a new revision, waits until that revision is Ready,"
						+ " and reports the pods." })
public final class ScaleCommand implements Callable<Integer> {

	private final ClusterConnector connector;

	private final Clock clock;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "SERVICE", completionCandidates = ServiceNames.class,
			description = "One of: ${COMPLETION-CANDIDATES}.")
	private String service;

	@Option(names = "--min", required = true, paramLabel = "N",
			description = "Fewest pods to keep running; 0 lets the service scale to zero when idle.")
	private int min;

	@Option(names = "--max", paramLabel = "M",
			description = "Most pods to run; 0 for no limit (default: keep the current limit).")
	private Integer max;

	@Option(names = "--timeout", defaultValue = "2m", paramLabel = "DURATION", converter = DurationConverter.class,
			description = "How long to wait for the new revision to become Ready (default: ${DEFAULT-VALUE}).")
	private Duration timeout;

	@Mixin
	private ClusterOptions clusterOptions;

	@Mixin
	private OutputOptions output;

	public ScaleCommand(ClusterConnector connector, Clock clock) {
		this.connector = connector;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		List<String> services;
		try {
			services = ServiceNames.resolve(this.service);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		Cluster cluster = this.clusterOptions.open(this.connector);
		if (TodoApp.ALL.equals(this.service)) {
			// reminders is only there with the chart's eventing: all means those deployed
			List<String> deployed = TodoApp.services(cluster)
				.stream()
				.map((ksvc) -> ksvc.getMetadata().getName())
				.toList();
			services = services.stream().filter(deployed::contains).toList();
		}
		Scaler scaler = new Scaler(cluster, this.clock);
		List<ScaleResult> results = scaler.scale(services, this.min, this.max, this.timeout);
		this.output.print(this.spec.commandLine().getOut(), results, text(results));
		return results.stream().allMatch(ScaleResult::ready) ? ExitCodes.OK : ExitCodes.FINDINGS;
	}

	private static String text(List<ScaleResult> results) {
		Table services = Table.of("SERVICE", "MIN", "MAX", "REVISION", "READY", "REASON");
		Table pods = Table.of("POD", "REVISION", "PHASE", "READY");
		for (ScaleResult result : results) {
			services.row(result.service(), result.minScale(), result.maxScale(), result.revision(),
					result.ready() ? "True" : "False", result.reason());
			result.pods().forEach((pod) -> pods.row(pod.name(), pod.revision(), pod.phase(), pod.ready()));
		}
		return services.render() + "\n" + (pods.isEmpty() ? "No pods (scaled to zero).\n" : pods.render());
	}

}
