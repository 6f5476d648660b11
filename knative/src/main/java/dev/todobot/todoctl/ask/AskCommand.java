package dev.todobot.todoctl.ask;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.todobot.todoctl.cli.ClusterOptions;
import dev.todobot.todoctl.cli.ExitCodes;
import dev.todobot.todoctl.cli.OutputFormat;
import dev.todobot.todoctl.cli.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code todoctl ask}: the other commands, from plain words.
 */
@Command(name = "ask", description = { "Do one of the above from plain words, after showing the plan.", "",
		"For example \"scale chat to 3\", \"keep two todo pods warm\", \"let everything sleep when"
				+ " idle\", \"why is chat failing?\" or \"what's running?\". Read-only plans run at once;"
				+ " a plan that changes the cluster runs only after you answer y, or with --yes."
				+ " Requests that would delete something, or are ambiguous, are refused (exit code 5)"
				+ " with the closest commands. The parser is rule-based and offline: no language model" + " is used." })
public final class AskCommand implements Callable<Integer> {

	private final IntentParser parser;

	private final InputStream stdin;

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "WORDS", description = "The request, quoted or not.")
	private List<String> words;

	@Option(names = { "-y", "--yes" }, description = "Carry out a plan that changes the cluster without asking.")
	private boolean yes;

	@Mixin
	private ClusterOptions clusterOptions;

	@Mixin
	private OutputOptions output;

	public AskCommand(IntentParser parser, InputStream stdin) {
		this.parser = parser;
		this.stdin = stdin;
	}

	@Override
	public Integer call() {
		// JSON and YAML on standard output stay parseable: the conversation goes to
		// standard error
		PrintWriter out = (this.output.format() == OutputFormat.TABLE) ? this.spec.commandLine().getOut()
				: this.spec.commandLine().getErr();
		Intent intent = this.parser.parse(String.join(" ", this.words));
		return switch (intent) {
			case Intent.Refusal refusal -> refuse(out, refusal);
			case Intent.Plan plan -> carryOut(out, plan);
		};
	}

	private int refuse(PrintWriter out, Intent.Refusal refusal) {
		out.println("Refused: " + refusal.reason());
		if (!refusal.suggestions().isEmpty()) {
			out.println("Closest commands:");
			refusal.suggestions().forEach((suggestion) -> out.println("  " + suggestion));
		}
		out.flush();
		return ExitCodes.REFUSED;
	}

	private int carryOut(PrintWriter out, Intent.Plan plan) {
		out.println("Plan: " + String.join("\n      ", plan.commandLines()));
		out.println("      " + plan.explanation());
		if (plan.changesCluster() && !this.yes && !confirmed(out)) {
			out.println("Nothing done.");
			out.flush();
			return ExitCodes.REFUSED;
		}
		out.println();
		out.flush();
		int exitCode = ExitCodes.OK;
		for (List<String> command : plan.commands()) {
			exitCode = run(command);
			if (exitCode != ExitCodes.OK) {
				break;
			}
		}
		return exitCode;
	}

	private boolean confirmed(PrintWriter out) {
		out.print("Proceed? [y/N] ");
		out.flush();
		String answer;
		try {
			answer = new BufferedReader(new InputStreamReader(this.stdin, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the answer", ex);
		}
		if (answer == null) {
			// no terminal, closed input: nobody said yes
			out.println();
			return false;
		}
		return List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * Runs a planned command exactly as if it had been typed, with this command's
	 * options.
	 */
	private int run(List<String> command) {
		List<String> arguments = new ArrayList<>(command);
		arguments.addAll(this.clusterOptions.asArguments());
		arguments.addAll(this.output.asArguments());
		CommandLine root = this.spec.root().commandLine();
		return root.execute(arguments.toArray(String[]::new));
	}

}
