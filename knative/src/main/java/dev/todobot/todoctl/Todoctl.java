package dev.todobot.todoctl;

import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.Callable;

import dev.todobot.todoctl.ask.AskCommand;
import dev.todobot.todoctl.ask.IntentParser;
import dev.todobot.todoctl.cli.ClusterConnector;
import dev.todobot.todoctl.cli.ExitCodes;
import dev.todobot.todoctl.cli.FailureHandler;
import dev.todobot.todoctl.cli.KubeconfigConnector;
import dev.todobot.todoctl.cli.VersionProvider;
import dev.todobot.todoctl.doctor.DoctorCommand;
import dev.todobot.todoctl.doctor.HttpReadinessProbe;
import dev.todobot.todoctl.doctor.ReadinessProbe;
import dev.todobot.todoctl.scale.ScaleCommand;
import dev.todobot.todoctl.status.StatusCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code todoctl}: operate the Todo Chatbot's Knative Services.
 */
// scope INHERIT gives every subcommand --help and --version
@Command(name = "todoctl", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
		versionProvider = VersionProvider.class,
		description = {
				"Operate the Todo Chatbot's Knative Services: status, scaling and a health analysis,"
						+ " also from plain words.",
				"Connects like kubectl: KUBECONFIG or ~/.kube/config, or the service account in a pod." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { ExitCodes.OK + ":ok",
				ExitCodes.FINDINGS + ":findings or errors (a service not Ready, doctor found an error)",
				ExitCodes.USAGE + ":usage (bad option or value)", ExitCodes.UNREACHABLE + ":cluster unreachable",
				ExitCodes.TIMEOUT + ":timeout (a new revision was not Ready in time)",
				ExitCodes.REFUSED + ":refused (ask declined the request, or it was not confirmed)" })
public final class Todoctl implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getErr());
		return ExitCodes.USAGE;
	}

	public static void main(String[] args) {
		int exitCode;
		try (KubeconfigConnector connector = new KubeconfigConnector()) {
			exitCode = commandLine(connector, new HttpReadinessProbe(), System.in, Clock.systemUTC()).execute(args);
		}
		System.exit(exitCode);
	}

	/**
	 * The whole command tree, wired to its collaborators.
	 * @param connector opens the cluster client
	 * @param probe calls the functions' readiness endpoints
	 * @param stdin where {@code ask} reads its confirmation from
	 * @param clock the time, for waits and the age of events
	 * @return the command line, ready to execute
	 */
	public static CommandLine commandLine(ClusterConnector connector, ReadinessProbe probe, InputStream stdin,
			Clock clock) {
		CommandLine commandLine = new CommandLine(new Todoctl());
		commandLine.addSubcommand(new StatusCommand(connector));
		commandLine.addSubcommand(new ScaleCommand(connector, clock));
		commandLine.addSubcommand(new DoctorCommand(connector, probe, clock));
		commandLine.addSubcommand(new AskCommand(new IntentParser(), stdin));
		commandLine.addSubcommand("completion", new AutoComplete.GenerateCompletion());
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		FailureHandler failures = new FailureHandler();
		commandLine.setExecutionExceptionHandler(failures);
		commandLine.setParameterExceptionHandler(failures);
		return commandLine;
	}

}
