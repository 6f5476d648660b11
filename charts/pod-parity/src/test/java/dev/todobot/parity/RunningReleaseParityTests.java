package dev.todobot.parity;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * todo-app with the chart's defaults (and the patches its known defects need, reported),
 * all four services Ready: the README's curl examples answer through Kourier, the web
 * front's nginx routes to the functions by their cluster names through the cluster DNS,
 * the chart's {@code helm test} pod passes against it, and no container restarted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningReleaseParityTests {

	private final Client client = new Client();

	private PodParity parity;

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options());
		for (String service : this.parity.services()) {
			assertThat(this.parity.awaitReady(service)).as(this.parity.describe(service)).isTrue();
		}
	}

	@AfterAll
	void report() {
		List<String> rows = new ArrayList<>();
		for (String service : this.parity.services()) {
			RunningPod pod = this.parity.service(service).pod();
			rows.add("| " + service + " | " + (pod.ready() ? "Ready" : "not Ready") + " | " + pod.restartCount() + " | "
					+ ParityReport.mib(pod.cgroup().peakMemory()) + " of "
					+ ParityReport.mib(pod.cgroup().memoryLimit()) + " | "
					+ ParityReport.seconds(pod.timeToReady().toMillis() / 1000.0) + " |");
		}
		ParityReport.section("Chart defaults, running (`RunningReleaseParityTests`)",
				"| service | state | restarts | peak memory (cgroup) | pod created to Ready |\n|---|---|---|---|---|\n"
						+ String.join("\n", rows));
	}

	@Test
	void readmeTodoExamplesAnswerThroughKourier() {
		String token = this.client.signUp("ada-" + UUID.randomUUID() + "@example.com");
		HttpResponse<String> added = this.client.post("todo", "/addTask", token,
				"{\"title\":\"Buy milk\",\"dueDate\":\"2030-05-03\",\"priority\":\"high\",\"tags\":[\"shop\"]}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		long id = Client.id(added);
		HttpResponse<String> listed = this.client.post("todo", "/listTasks", token,
				"{\"status\":\"pending\",\"sort\":\"due\"}");
		assertThat(listed.body()).contains("\"Buy milk\"");
		HttpResponse<String> completed = this.client.post("todo", "/completeTask", token, "{\"id\":" + id + "}");
		assertThat(completed.body()).contains("\"completed\":true");
	}

	@Test
	void readmeChatExamplesAnswerThroughKourierWithToolsFromMcp() {
		String token = this.client.signUp("chat-" + UUID.randomUUID() + "@example.com");
		HttpResponse<String> chat = this.client.post("chat", "/chat", token,
				"{\"message\":\"add buy bread tomorrow #shop\"}");
		assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
		assertThat(chat.body()).contains("\"conversationId\"").contains("add_task");
		HttpResponse<String> streamed = this.client.post("chat", "/chat", token,
				"{\"message\":\"add call mom on friday\"}", "text/event-stream");
		assertThat(streamed.statusCode()).isEqualTo(200);
		assertThat(streamed.body()).contains("done");
		HttpResponse<String> conversations = this.client.post("chat", "/conversations", token, "{}");
		assertThat(conversations.statusCode()).isEqualTo(200);
	}

	@Test
	void readmeMcpExampleAnswersThroughKourier() {
		String token = this.client.signUp("mcp-" + UUID.randomUUID() + "@example.com");
		HttpResponse<String> listed = this.client.post("mcp", "/mcp", token,
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tasks\",\"arguments\":{\"status\":\"pending\"}}}",
				"application/json, text/event-stream");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		assertThat(listed.body()).contains("\"result\"");
	}

	@Test
	void webRoutesToEveryFunctionByItsClusterName() {
		HttpResponse<String> page = this.client.get("web", "/");
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> signup = this.client.post("web", "/api/todo/signup", null,
				"{\"email\":\"web-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse\"}");
		String token = Client.token(signup);
		assertThat(this.client.post("web", "/api/chat/conversations", token, "{}").statusCode()).isEqualTo(200);
		assertThat(this.client
			.post("web", "/mcp", token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
					"application/json, text/event-stream")
			.body()).contains("add_task");
	}

	@Test
	void helmTestPodPassesAgainstTheWebFront() {
		List<PodParity.JobResult> results = this.parity.helmTest();
		assertThat(results).isNotEmpty();
		for (PodParity.JobResult result : results) {
			assertThat(result.succeeded()).as(result.output()).isTrue();
			assertThat(result.output())
				.contains("signed up and added a task through http://web.todo.svc.cluster.local");
		}
	}

	@Test
	void remindersTakesThePingSourcesTickOnItsClusterLocalName() {
		assumeTrue(this.parity.services().contains(PodParity.REMINDERS),
				"the reminders function's module is not in this repository yet");
		HttpResponse<String> tick = this.client.postEvent(PodParity.REMINDERS, "/tick", "dev.knative.sources.ping",
				"/apis/v1/namespaces/" + PodParity.NAMESPACE + "/pingsources/reminders-tick", "{}");
		assertThat(tick.statusCode()).as(tick.body()).isBetween(200, 299);
	}

}
