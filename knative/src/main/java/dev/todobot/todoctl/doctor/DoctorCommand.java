package dev.todobot.todoctl.doctor;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.todobot.todoctl.cli.ClusterConnector;
import dev.todobot.todoctl.cli.ClusterOptions;
import dev.todobot.todoctl.cli.DurationConverter;
import dev.todobot.todoctl.cli.ExitCodes;
import dev.todobot.todoctl.cli.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code todoctl doctor}: a health analysis of the app and the Knative it runs on.
 */
@Command(name = "doctor",
		description = { "Analyse the health of the app and of the Knative it runs on.", "",
				"Looks at service and revision conditions, image pull failures, crash loops and OOMKilled"
						+ " containers, recent warning events, Kourier, the KnativeServing resource,"
						+ " scale-to-zero, the Broker, Triggers and PingSource, Triggers whose deliveries end"
						+ " as dead letters, and each function's readiness endpoint. Each finding has a severity"
						+ " (ERROR, WARNING, INFO) and a suggested fix. Exits with 1 when there is an ERROR." })
public final class DoctorCommand implements Callable<Integer> {

	private static final String INDENT = " ".repeat(9);

	private final ClusterConnector connector;

	private final ReadinessProbe probe;

	private final Clock clock;

	@Spec
	private CommandSpec spec;

	@Option(names = "--skip-http",
			description = "Do not call the functions' readiness endpoints (when their URLs do not resolve here).")
	private boolean skipHttp;

	@Option(names = "--http-timeout", defaultValue = "30s", paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "How long a readiness endpoint may take, a cold start included (default: ${DEFAULT-VALUE}).")
	private Duration httpTimeout;

	@Option(names = "--since", defaultValue = "1h", paramLabel = "DURATION", converter = DurationConverter.class,
			description = "How far back to look for warning events (default: ${DEFAULT-VALUE}).")
	private Duration since;

	@Mixin
	private ClusterOptions clusterOptions;

	@Mixin
	private OutputOptions output;

	public DoctorCommand(ClusterConnector connector, ReadinessProbe probe, Clock clock) {
		this.connector = connector;
		this.probe = probe;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		List<Check> checks = new ArrayList<>(
				List.of(new KnativeServingCheck(), new KourierCheck(), new ScaleToZeroCheck(), new ServiceCheck(),
						new PodCheck(), new EventingCheck(), new EventCheck(this.clock, this.since)));
		if (!this.skipHttp) {
			checks.add(new ReadinessCheck(this.probe, this.httpTimeout));
		}
		Diagnosis diagnosis = new Doctor(checks).examine(this.clusterOptions.open(this.connector));
		this.output.print(this.spec.commandLine().getOut(), diagnosis, text(diagnosis));
		return diagnosis.healthy() ? ExitCodes.OK : ExitCodes.FINDINGS;
	}

	private String text(Diagnosis diagnosis) {
		StringBuilder text = new StringBuilder();
		for (Finding finding : diagnosis.findings()) {
			text.append(String.format("%-9s%s%n", finding.severity(), finding.subject()));
			text.append(INDENT).append(finding.problem()).append('\n');
			if (finding.fix() != null) {
				text.append(INDENT).append("fix: ").append(finding.fix()).append('\n');
			}
			text.append('\n');
		}
		String checks = diagnosis.checks().size() + " checks (" + String.join(", ", diagnosis.checks()) + ")";
		if (diagnosis.findings().isEmpty()) {
			text.append("Healthy: no problems found by ").append(checks).append(".\n");
		}
		else {
			text.append(String.format("%s: %s, %s, %s from %s.%n", diagnosis.healthy() ? "Healthy" : "Unhealthy",
					count(diagnosis, Severity.ERROR, "error"), count(diagnosis, Severity.WARNING, "warning"),
					count(diagnosis, Severity.INFO, "note"), checks));
		}
		if (this.skipHttp) {
			text.append("Readiness endpoints not called (--skip-http).\n");
		}
		return text.toString();
	}

	private static String count(Diagnosis diagnosis, Severity severity, String noun) {
		long count = diagnosis.count(severity);
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
