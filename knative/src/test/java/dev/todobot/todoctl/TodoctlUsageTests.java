package dev.todobot.todoctl;

import java.io.IOException;
import java.net.ServerSocket;

import dev.todobot.todoctl.TodoctlRunner.Run;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class TodoctlUsageTests {

	private static final String EXIT_CODES = """

			Exit codes:
			  0   ok
			  1   findings or errors (a service not Ready, doctor found an error)
			  2   usage (bad option or value)
			  3   cluster unreachable
			  4   timeout (a new revision was not Ready in time)
			  5   refused (ask declined the request, or it was not confirmed)
			""";

	KubernetesClient client;

	@Test
	void listsTheCommandsAndExitCodesInTheHelp() {
		Run run = new TodoctlRunner(this.client).run("--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("""
				Usage: todoctl [-hV] [COMMAND]
				Operate the Todo Chatbot's Knative Services: status, scaling and a health
				analysis, also from plain words.
				Connects like kubectl: KUBECONFIG or ~/.kube/config, or the service account in
				a pod.
				  -h, --help      Show this help message and exit.
				  -V, --version   Print version information and exit.
				Commands:
				  status      Show services and eventing: Ready, URL, revision, pods, scale.
				  scale       Set how many pods a service (or all of them) keeps and may run.
				  doctor      Analyse the health of the app and of the Knative it runs on.
				  ask         Do one of the above from plain words, after showing the plan.
				  completion  Generate bash/zsh completion script for todoctl.
				""" + EXIT_CODES);
	}

	@Test
	void describesTheScaleCommandsArgumentsAndOptions() {
		Run run = new TodoctlRunner(this.client).run("scale", "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("""
				Usage: todoctl scale [-hV] [--context=CONTEXT] [--max=M] --min=N [-n=NAMESPACE]
				                     [-o=FORMAT] [--timeout=DURATION] SERVICE
				Set how many pods a service (or all of them) keeps and may run.

				Patches autoscaling.knative.dev/min-scale (and max-scale) on the revision
				template, which makes Knative roll out a new revision, waits until that
				revision is Ready, and reports the pods.
				      SERVICE              One of: todo, mcp, chat, web, reminders, all.
				      --context=CONTEXT    Kubeconfig context to use (default: the current
				                             context).
				  -h, --help               Show this help message and exit.
				      --max=M              Most pods to run; 0 for no limit (default: keep the
				                             current limit).
				      --min=N              Fewest pods to keep running; 0 lets the service
				                             scale to zero when idle.
				  -n, --namespace=NAMESPACE
				                           Namespace of the todo-app release (default: the
				                             context's namespace).
				  -o, --output=FORMAT      Output format: table, json, yaml (default: table).
				      --timeout=DURATION   How long to wait for the new revision to become
				                             Ready (default: 2m).
				  -V, --version            Print version information and exit.
				""" + EXIT_CODES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "status", "scale", "doctor", "ask" })
	void offersTheClusterAndOutputOptionsOnEachCommand(String command) {
		Run run = new TodoctlRunner(this.client).run(command, "--help");

		assertThat(run.out()).contains("-n, --namespace=NAMESPACE", "--context=CONTEXT", "-o, --output=FORMAT");
	}

	@Test
	void describesTheDoctorOptions() {
		Run run = new TodoctlRunner(this.client).run("doctor", "--help");

		assertThat(run.out()).contains("--skip-http", "--http-timeout=DURATION", "(default: 30s)", "--since=DURATION",
				"(default: 1h)");
	}

	@Test
	void printsTheUsageToStandardErrorWithoutACommand() {
		Run run = new TodoctlRunner(this.client).run();

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).startsWith("Usage: todoctl [-hV] [COMMAND]\n");
	}

	@Test
	void rejectsAnUnknownOptionWithAHint() {
		Run run = new TodoctlRunner(this.client).run("status", "--namespce", "todo-app");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Unknown options: '--namespce', 'todo-app'\n")
			.contains("Possible solutions: --namespace")
			.endsWith("Try 'todoctl status --help'.\n");
	}

	@Test
	void rejectsAnUnknownOutputFormat() {
		Run run = new TodoctlRunner(this.client).run("status", "-o", "xml");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Invalid value for option '--output': expected one of [TABLE, JSON, YAML]");
	}

	@Test
	void requiresTheMinimumToScale() {
		Run run = new TodoctlRunner(this.client).run("scale", "chat");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Missing required option: '--min=N'\n");
	}

	@Test
	void rejectsADurationItCannotRead() {
		Run run = new TodoctlRunner(this.client).run("scale", "chat", "--min", "1", "--timeout", "soon");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("'soon' is not a duration such as 90s, 2m or 1m30s");
	}

	@Test
	void printsABashCompletionScript() {
		Run run = new TodoctlRunner(this.client).run("completion");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("complete -F _complete_todoctl -o default todoctl")
			.contains("local commands=\"status scale doctor ask completion\"")
			.contains("local SERVICE_pos_param_args=(\"todo\" \"mcp\" \"chat\" \"web\" \"reminders\" \"all\")")
			.contains("local FORMAT_option_args=(\"table\" \"json\" \"yaml\")");
	}

	@Test
	void printsItsVersion() {
		Run run = new TodoctlRunner(this.client).run("--version");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("todoctl (not packaged)\n");
	}

	@Test
	void exitsWithUnreachableWhenTheApiServerDoesNotAnswer() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (KubernetesClient unreachable = new KubernetesClientBuilder()
			.withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:" + closedPort)
				.withRequestRetryBackoffLimit(0)
				.build())
			.build()) {
			Run run = new TodoctlRunner(unreachable).run("status", "-n", "todo-app");

			assertThat(run.exitCode()).isEqualTo(3);
			assertThat(run.err()).startsWith("Cannot reach the cluster's API server (ConnectException")
				.endsWith("Check --context, the kubeconfig and the network.\n");
		}
	}

}
