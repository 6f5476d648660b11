package dev.todobot.todoctl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.todobot.todoctl.doctor.ReadinessProbe;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine;

/**
 * Runs todoctl in-process against a mock cluster, capturing what it prints. Every run is
 * also appended to {@code target/todoctl-transcript.txt}, where the README's examples
 * come from.
 */
public final class TodoctlRunner {

	private static final Path TRANSCRIPT = Path.of("target", "todoctl-transcript.txt");

	private static final AtomicBoolean FIRST_RUN = new AtomicBoolean(true);

	private final KubernetesClient client;

	private final List<String> contexts = new ArrayList<>();

	private ReadinessProbe probe = (uri, timeout) -> new ReadinessProbe.Answer(200, "{\"status\":\"UP\"}");

	private String stdin = "";

	public TodoctlRunner(KubernetesClient client) {
		this.client = client;
	}

	public TodoctlRunner probe(ReadinessProbe probe) {
		this.probe = probe;
		return this;
	}

	/**
	 * What {@code ask} reads when it asks for confirmation; empty means end of input.
	 * @param stdin the input
	 * @return this runner
	 */
	public TodoctlRunner stdin(String stdin) {
		this.stdin = stdin;
		return this;
	}

	/**
	 * The kubeconfig contexts todoctl asked to connect to, {@code null} for the current
	 * one.
	 */
	public List<String> contexts() {
		return this.contexts;
	}

	public Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Todoctl.commandLine((context) -> {
			this.contexts.add(context);
			return this.client;
		}, this.probe, new ByteArrayInputStream(this.stdin.getBytes(StandardCharsets.UTF_8)), TodoAppFixture.CLOCK);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		Run run = new Run(exitCode, out.toString(), err.toString());
		record(args, run);
		return run;
	}

	private static void record(String[] args, Run run) {
		List<String> quoted = Arrays.stream(args).map((arg) -> arg.contains(" ") ? "\"" + arg + "\"" : arg).toList();
		String entry = "$ todoctl " + String.join(" ", quoted) + "\n" + run.out() + run.err() + "[exit "
				+ run.exitCode() + "]\n\n";
		try {
			Files.createDirectories(TRANSCRIPT.getParent());
			// each test JVM starts the transcript afresh
			StandardOpenOption mode = FIRST_RUN.getAndSet(false) ? StandardOpenOption.TRUNCATE_EXISTING
					: StandardOpenOption.APPEND;
			Files.writeString(TRANSCRIPT, entry, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The outcome of one todoctl run.
	 *
	 * @param exitCode what it exited with
	 * @param out what it printed to standard output
	 * @param err what it printed to standard error
	 */
	public record Run(int exitCode, String out, String err) {

	}

}
