package dev.todobot.charts;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root Taskfile.yml: the tasks that take the product from a laptop to minikube.
 */
class TaskfileTests {

	/**
	 * A path of the repository that a command names: a chart, a Dockerfile or a module.
	 */
	private static final Pattern REFERENCED_PATH = Pattern
		.compile("(?<![\\w./-])(?:\\./)?((?:charts|functions|web|knative)/[\\w.-]+(?:/[\\w.-]+)*)");

	/** The tasks that take the product to minikube, in the order a person runs them. */
	private static final List<String> DEPLOYMENT_TASKS = List.of("cluster:up", "knative:install", "images", "deploy",
			"tunnel", "smoke", "ai:scale", "ai:health", "down");

	private final Map<String, Object> taskfile = read();

	@Test
	void keepsTheDevTestAndFormatTasks() {
		assertThat(tasks()).containsKeys("dev", "test", "format");
		assertThat(commands("test")).containsExactly("./mvnw -B verify");
	}

	@Test
	void hasATaskForEachStepToMinikube() {
		assertThat(tasks()).containsKeys(DEPLOYMENT_TASKS.toArray(String[]::new));
		assertThat(tasks().values()).allSatisfy((task) -> assertThat(task).extractingByKey("desc").isNotNull());
	}

	@Test
	void deploymentTasksNameOnlyFilesThatExist() {
		Set<String> paths = new LinkedHashSet<>();
		for (String task : DEPLOYMENT_TASKS) {
			for (String command : commands(task)) {
				Matcher matcher = REFERENCED_PATH.matcher(command);
				while (matcher.find()) {
					paths.add(matcher.group(1));
				}
			}
		}
		assertThat(paths).contains("charts/todo-app", "charts/knative-serving", "functions/Dockerfile",
				"web/Dockerfile");
		assertThat(paths).allSatisfy((path) -> assertThat(Charts.REPO_ROOT.resolve(path)).as(path).exists());
	}

	@Test
	void pinsTheKubernetesVersionOfMinikube() {
		assertThat(vars().get("K8S_VERSION")).asString().matches("v\\d+\\.\\d+\\.\\d+");
		assertThat(String.join("\n", commands("cluster:up"))).contains("--kubernetes-version={{.K8S_VERSION}}")
			.contains("--addons=registry");
	}

	@Test
	void installsThePinnedOperatorChartBeforeKnativeServing() throws Exception {
		List<String> commands = commands("knative:install");
		int operator = indexOf(commands, "knative-operator/knative-operator");
		int serving = indexOf(commands, "./charts/knative-serving");
		int ready = indexOf(commands, "kubectl wait knativeserving/knative-serving");
		int eventingReady = indexOf(commands, "kubectl wait knativeeventing/knative-eventing -n knative-eventing");
		assertThat(operator).isLessThan(serving);
		assertThat(serving).isLessThan(ready);
		assertThat(serving).isLessThan(eventingReady);
		assertThat(commands.get(operator)).contains("--version {{.KNATIVE_OPERATOR_VERSION}}");
		String appVersion = Files.readAllLines(Charts.chart(Charts.KNATIVE_SERVING).resolve("Chart.yaml"))
			.stream()
			.filter((line) -> line.startsWith("appVersion:"))
			.findFirst()
			.orElseThrow();
		assertThat(appVersion).contains(vars().get("KNATIVE_OPERATOR_VERSION").toString().substring(1));
	}

	@Test
	void buildsTheFourImagesTaggedByGitSha() {
		assertThat(vars().get("TAG")).isEqualTo(Map.of("sh", "git rev-parse --short HEAD"));
		String images = String.join("\n", commands("images"));
		assertThat(images).contains("for function in todo mcp chat")
			.contains(
					"docker build -f functions/Dockerfile --build-arg FUNCTION=$function -t {{.REGISTRY}}/$function:{{.TAG}} .")
			.contains("docker build -f web/Dockerfile -t {{.REGISTRY}}/web:{{.TAG}} web")
			.contains("docker push {{.REGISTRY}}/web:{{.TAG}}");
		assertThat(vars().get("REGISTRY")).isEqualTo("localhost:5000");
	}

	@Test
	void deploysTheChartWithThoseImagesAndWaitsForEveryKnativeService() {
		List<String> commands = commands("deploy");
		assertThat(commands.get(0)).startsWith("helm upgrade --install {{.RELEASE}} ./charts/todo-app")
			.contains("--set image.registry={{.REGISTRY}}")
			// a short sha of digits only stays a string, which the values schema asks for
			.contains("--set-string image.tag={{.TAG}}")
			.doesNotContain("--set image.tag");
		assertThat(commands).anySatisfy((command) -> assertThat(command)
			.startsWith("kubectl wait ksvc --all -n {{.NAMESPACE}} --for=condition=Ready"));
	}

	@Test
	void tunnelsKourierTo127001AsTheDefaultDomainExpects() {
		// on Linux, minikube tunnel only routes to the cluster IP without it
		assertThat(commands("tunnel")).singleElement()
			.satisfies((command) -> assertThat(command).contains("minikube -p {{.PROFILE}} tunnel")
				.contains("--bind-address=127.0.0.1"));
	}

	@Test
	void theKnativeServingNotesDeployIntoTheTaskfilesNamespace() {
		String namespace = vars().get("NAMESPACE").toString();
		assertThat(Charts.notes(Charts.KNATIVE_SERVING, Map.of()))
			.contains("helm upgrade --install todo-app ./charts/todo-app -n " + namespace + " ");
	}

	@Test
	void smokeTestsEveryRouteThroughKourier() {
		String smoke = String.join("\n", commands("smoke"));
		assertThat(smoke).contains("get svc kourier")
			.contains("call web /")
			.contains("call todo /signup")
			.contains("call todo /addTask")
			.contains("call web /api/todo/listTasks")
			.contains("call mcp /mcp")
			.contains("call chat /chat");
	}

	@Test
	void asksKubectlAiAndKagent() {
		assertThat(commands("ai:scale")).allSatisfy((command) -> assertThat(command).startsWith("kubectl-ai "))
			.anySatisfy((command) -> assertThat(command).contains("autoscaling.knative.dev/min-scale"));
		assertThat(commands("ai:health")).singleElement()
			.satisfies((command) -> assertThat(command).startsWith("kagent invoke")
				.contains("--agent {{.RELEASE}}-health"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> tasks() {
		return (Map<String, Map<String, Object>>) this.taskfile.get("tasks");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> vars() {
		return (Map<String, Object>) this.taskfile.get("vars");
	}

	private List<String> commands(String task) {
		List<String> commands = new ArrayList<>();
		Object cmds = tasks().get(task).get("cmds");
		if (cmds instanceof List<?> list) {
			list.forEach((command) -> commands.add(command.toString()));
		}
		return commands;
	}

	private static int indexOf(List<String> commands, String text) {
		for (int i = 0; i < commands.size(); i++) {
			if (commands.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("no command with " + text + " in " + commands);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read() {
		try {
			return new ObjectMapper(new YAMLFactory()).readValue(Charts.REPO_ROOT.resolve("Taskfile.yml").toFile(),
					Map.class);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
