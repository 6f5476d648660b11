package dev.todobot.todoctl.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.todobot.todoctl.AbstractCommandTests;
import dev.todobot.todoctl.TodoAppFixture;
import dev.todobot.todoctl.TodoctlRunner.Run;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTests extends AbstractCommandTests {

	@Test
	void listsEachServiceWithItsRevisionTrafficPodsAndScaleAndTheEventing() {
		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo(
				"""
						NAME        READY   URL                                           LATEST READY      TRAFFIC                PODS   MIN   MAX   REASON
						todo        True    http://todo.todo-app.127.0.0.1.sslip.io       todo-00001        todo-00001=100%        1      0     5     -
						mcp         True    http://mcp.todo-app.127.0.0.1.sslip.io        mcp-00001         mcp-00001=100%         0      0     5     -
						chat        True    http://chat.todo-app.127.0.0.1.sslip.io       chat-00001        chat-00001=100%        1      0     5     -
						web         True    http://web.todo-app.127.0.0.1.sslip.io        web-00001         web-00001=100%         1      0     3     -
						reminders   True    http://reminders.todo-app.svc.cluster.local   reminders-00001   reminders-00001=100%   0      0     3     -

						EVENTING     NAME                       READY   ROUTE                                                                                   REASON
						broker       todo-events                True    http://broker-ingress.knative-eventing.svc.cluster.local/todo-app/todo-events           -
						trigger      reminders-task-completed   True    type=todo.task.completed -> http://reminders.todo-app.svc.cluster.local/taskCompleted   -
						trigger      reminders-tick             True    type=dev.knative.sources.ping -> http://reminders.todo-app.svc.cluster.local/tick       -
						pingsource   reminders-tick             True    */1 * * * * -> broker/todo-events                                                       -
						""");
	}

	@Test
	void printsTheSameAsJson() throws Exception {
		Run run = this.todoctl.run("status", "-n", "todo-app", "-o", "json");

		List<Map<String, Object>> services = services(new ObjectMapper().readValue(run.out(), new TypeReference<>() {
		}));
		assertThat(services).extracting((service) -> service.get("name"))
			.containsExactly("todo", "mcp", "chat", "web", "reminders");
		assertThat(services.get(2)).containsEntry("ready", "True")
			.containsEntry("latestReadyRevision", "chat-00001")
			.containsEntry("podsRunning", 1)
			.containsEntry("minScale", 0)
			.containsEntry("maxScale", 5)
			.containsEntry("traffic", List.of(Map.of("revision", "chat-00001", "percent", 100)));
	}

	@Test
	void printsTheSameAsYaml() throws Exception {
		Run run = this.todoctl.run("status", "-n", "todo-app", "-o", "yaml");

		List<Map<String, Object>> services = services(new YAMLMapper().readValue(run.out(), new TypeReference<>() {
		}));
		assertThat(services).hasSize(5);
		assertThat(services.get(0)).containsEntry("name", "todo")
			.containsEntry("url", "http://todo.todo-app.127.0.0.1.sslip.io");
	}

	@Test
	void showsWhyAServiceIsNotReadyAndExitsWithFindings() {
		this.fixture.failedRevision("chat", "ExitCode137", "Container failed with: OOMKilled");

		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).containsPattern(
				"chat +False .* chat-00001 +chat-00001=100% .* RevisionFailed: Revision \"chat-00002\" failed with message: Container failed with: OOMKilled\\.");
	}

	@Test
	void showsATrafficSplitBetweenRevisions() {
		this.fixture.revision("web", "web-00002", TodoAppFixture.ready("True", null, null));
		this.client.adapt(KnativeClient.class).services().inNamespace("todo-app").withName("web").editStatus((web) -> {
			web.getStatus()
				.setTraffic(List.of(new TrafficTargetBuilder().withRevisionName("web-00001").withPercent(80L).build(),
						new TrafficTargetBuilder().withRevisionName("web-00002")
							.withPercent(20L)
							.withTag("canary")
							.build()));
			return web;
		});

		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.out()).contains("web-00001=80%,web-00002=20% (canary)");
	}

	@Test
	void countsOnlyRunningPods() throws Exception {
		this.fixture.imagePullBackOff("todo");

		Run run = this.todoctl.run("status", "-n", "todo-app", "-o", "json");

		List<Map<String, Object>> services = services(new ObjectMapper().readValue(run.out(), new TypeReference<>() {
		}));
		assertThat(services.get(0)).containsEntry("name", "todo").containsEntry("podsRunning", 1);
	}

	@Test
	void leavesOutServicesThatAreNotPartOfTheApp() {
		this.client.adapt(KnativeClient.class)
			.services()
			.inNamespace("todo-app")
			.resource(new ServiceBuilder().withNewMetadata().withName("hello").endMetadata().build())
			.create();

		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.out()).doesNotContain("hello");
	}

	@Test
	void exitsWithFindingsWhenTheNamespaceHasNoServiceOfTheApp() {
		Run run = this.todoctl.run("status", "-n", "elsewhere");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).isEqualTo(
				"No Knative Services labelled app.kubernetes.io/part-of=todo-app in namespace elsewhere (wrong --namespace?)\n");
	}

	@Test
	void connectsToTheContextItIsGiven() {
		this.todoctl.run("status", "-n", "todo-app", "--context", "kind-todo");

		assertThat(this.todoctl.contexts()).containsExactly("kind-todo");
	}

	@Test
	void printsTheEventingAsJson() throws Exception {
		Run run = this.todoctl.run("status", "-n", "todo-app", "-o", "json");

		Map<String, List<Map<String, Object>>> status = new ObjectMapper().readValue(run.out(), new TypeReference<>() {
		});
		assertThat(status.get("eventing")).extracting((resource) -> resource.get("kind") + "/" + resource.get("name"))
			.containsExactly("broker/todo-events", "trigger/reminders-task-completed", "trigger/reminders-tick",
					"pingsource/reminders-tick");
		assertThat(status.get("eventing").get(1)).containsEntry("ready", "True")
			.containsEntry("route",
					"type=todo.task.completed -> http://reminders.todo-app.svc.cluster.local/taskCompleted");
	}

	@Test
	void showsWhyATriggerIsNotReadyAndExitsWithFindings() {
		this.fixture.trigger("reminders-tick", "dev.knative.sources.ping", "/tick",
				TodoAppFixture.ready("False", "BrokerDoesNotExist", "Broker \"todo-events\" does not exist"));

		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).containsPattern(
				"trigger +reminders-tick +False +type=dev.knative.sources.ping -> ksvc/reminders/tick +BrokerDoesNotExist: Broker \"todo-events\" does not exist");
	}

	@Test
	void showsABrokerThatIsNotReadyAndExitsWithFindings() {
		this.fixture.broker(TodoAppFixture.ready("False", "ChannelNotReady", "channel is not ready"));

		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).containsPattern("broker +todo-events +False +- +ChannelNotReady: channel is not ready");
	}

	@Test
	void showsNoEventingWhenTheChartHasItOff() {
		this.fixture.withoutEventing();

		Run run = this.todoctl.run("status", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).doesNotContain("EVENTING").doesNotContain("reminders");
	}

	private static List<Map<String, Object>> services(Map<String, List<Map<String, Object>>> status) {
		return status.get("services");
	}

}
