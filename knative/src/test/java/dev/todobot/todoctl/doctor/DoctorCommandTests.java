package dev.todobot.todoctl.doctor;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todobot.todoctl.AbstractCommandTests;
import dev.todobot.todoctl.TodoAppFixture;
import dev.todobot.todoctl.TodoctlRunner.Run;
import io.fabric8.knative.client.KnativeClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class DoctorCommandTests extends AbstractCommandTests {

	private static final String ALL_CHECKS = "8 checks (KnativeServing, Kourier, scale-to-zero, Knative Services,"
			+ " pods, Knative Eventing, warning events, readiness endpoints)";

	@Test
	void reportsAHealthyAppAsHealthy() {
		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("Healthy: no problems found by " + ALL_CHECKS + ".\n");
	}

	@Test
	void findsAFailedRevisionWithItsReason() {
		this.fixture.failedRevision("chat", "ExitCode137", "Container failed with: OOMKilled");

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).isEqualTo(
				"""
						ERROR    ksvc/chat
						         not Ready (RevisionFailed: Revision "chat-00002" failed with message: Container failed with: OOMKilled.); traffic stays on chat-00001
						         fix: see revision/chat-00002

						ERROR    revision/chat-00002
						         failed (ExitCode137: Container failed with: OOMKilled)
						         fix: raise resources.limits.memory of chat in the todo-app chart's values (now 512Mi), or lower the JVM's share of it (-XX:MaxRAMPercentage)

						Unhealthy: 2 errors, 0 warnings, 0 notes from %s.
						"""
					.formatted(ALL_CHECKS));
	}

	@Test
	void findsAContainerKilledForRunningOutOfMemoryWithItsLimit() {
		this.fixture.oomKilled("chat");

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("""
				ERROR    pod/chat-00002-deployment-7d4b9c-ax2k (user-container)
				         killed for running out of memory (OOMKilled, memory limit 512Mi, restarted 4 times)
				         fix: raise resources.limits.memory of chat in the todo-app chart's values (now 512Mi)""");
	}

	@Test
	void findsAnImageThatCannotBePulled() {
		this.fixture.imagePullBackOff("todo");

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(
				"""
						ERROR    pod/todo-00002-deployment-7d4b9c-ax2k (user-container)
						         cannot pull image registry.example/todo/todo:typo (ImagePullBackOff: Back-off pulling image "registry.example/todo/todo:typo")
						         fix: check the image reference of todo in the todo-app chart's values (repository, tag)""");
	}

	@Test
	void findsACrashLoopingContainer() {
		this.fixture.crashLooping("mcp");

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(
				"""
						ERROR    pod/mcp-00002-deployment-7d4b9c-ax2k (user-container)
						         crash-looping (CrashLoopBackOff, restarted 6 times, last exit code 1 (Error))
						         fix: read why it exits: kubectl logs mcp-00002-deployment-7d4b9c-ax2k -c user-container -n todo-app --previous""");
	}

	@Test
	void findsThatKourierIsMissing() {
		this.fixture.withoutKourier();

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(
				"""
						ERROR    deployment/3scale-kourier-gateway
						         Kourier's gateway is not installed (looked in knative-serving and kourier-system): no request reaches any service
						         fix: enable Kourier in the KnativeServing resource (spec.ingress.kourier.enabled: true,""")
			.contains("ERROR    deployment/net-kourier-controller");
	}

	@Test
	void acceptsAKourierGatewayInKourierSystem() {
		this.fixture.withoutKourier().kourier("kourier-system");

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("Healthy: no problems found");
	}

	@Test
	void findsAKourierGatewayWithoutAvailableReplicas() {
		this.fixture.deployment("knative-serving", "3scale-kourier-gateway", 0);

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("""
				ERROR    deployment/3scale-kourier-gateway
				         installed in knative-serving but has no available replica""");
	}

	@Test
	void findsThatKnativeServingIsNotInstalled() {
		this.fixture.withoutKnativeServing();

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(
				"""
						ERROR    knativeserving
						         no KnativeServing in namespace knative-serving: Knative Serving is not installed by the Operator
						         fix: install the Knative Operator, then the charts/knative-serving chart (task knative:install)""");
	}

	@Test
	void findsAKnativeServingThatIsNotReady() {
		this.fixture.withoutKnativeServing().knativeServing(false);

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("""
				ERROR    knativeserving/knative-serving
				         not Ready (InstallFailed: Install failed with message: webhook not ready)""");
	}

	@Test
	void warnsThatScaleToZeroIsDisabled() {
		this.fixture.autoscalerConfig(false);

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo(
				"""
						WARNING  configmap/config-autoscaler
						         enable-scale-to-zero is "false": idle services keep a pod running instead of scaling to zero
						         fix: set spec.config.autoscaler.enable-scale-to-zero: "true" in the KnativeServing resource (the Operator reverts edits to the ConfigMap itself)

						Healthy: 0 errors, 1 warning, 0 notes from %s.
						"""
					.formatted(ALL_CHECKS));
	}

	@Test
	void reportsRecentWarningEventsOnly() {
		this.fixture
			.event("Warning", "Pod", "chat-00001-deployment-7d4b9c-ax2k", "Unhealthy",
					"Readiness probe failed: HTTP probe failed with statuscode: 503", Duration.ofMinutes(4), 3)
			.event("Warning", "Pod", "chat-00001-deployment-7d4b9c-ax2k", "Unhealthy",
					"Readiness probe failed: connection refused", Duration.ofMinutes(2), 2)
			.event("Warning", "Revision", "todo-00001", "InternalError", "old news", Duration.ofHours(3), 1)
			.event("Normal", "Pod", "web-00001-deployment-7d4b9c-ax2k", "Pulled", "Image pulled", Duration.ofMinutes(1),
					1);

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("""
				WARNING  pod/chat-00001-deployment-7d4b9c-ax2k
				         Unhealthy: Readiness probe failed: connection refused (5x, last 2m ago)
				         fix: kubectl describe pod chat-00001-deployment-7d4b9c-ax2k -n todo-app

				Healthy: 0 errors, 1 warning, 0 notes from %s.
				""".formatted(ALL_CHECKS));
	}

	@Test
	void findsAFunctionWhoseReadinessIsDown() {
		this.todoctl.probe((uri, timeout) -> uri.getHost().startsWith("chat.") ? new ReadinessProbe.Answer(503,
				"{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"},\"ping\":{\"status\":\"UP\"}}}")
				: new ReadinessProbe.Answer(200, "{\"status\":\"UP\"}"));

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).startsWith("""
				ERROR    ksvc/chat
				         readiness endpoint answered 503: DOWN (db DOWN)
				         fix: its readiness includes the database: check DATABASE_URL in the release's Secret""");
	}

	@Test
	void callsTheReadinessEndpointOfEachFunctionButNotOfTheWebFrontEnd() {
		List<URI> called = new CopyOnWriteArrayList<>();
		this.todoctl.probe((uri, timeout) -> {
			called.add(uri);
			return new ReadinessProbe.Answer(200, "{\"status\":\"UP\"}");
		});

		this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(called).containsExactly(
				URI.create("http://todo.todo-app.127.0.0.1.sslip.io/actuator/health/readiness"),
				URI.create("http://mcp.todo-app.127.0.0.1.sslip.io/actuator/health/readiness"),
				URI.create("http://chat.todo-app.127.0.0.1.sslip.io/actuator/health/readiness"));
	}

	@Test
	void givesTheReadinessEndpointsTheHttpTimeout() {
		List<Duration> timeouts = new CopyOnWriteArrayList<>();
		this.todoctl.probe((uri, timeout) -> {
			timeouts.add(timeout);
			return new ReadinessProbe.Answer(200, "{\"status\":\"UP\"}");
		});

		this.todoctl.run("doctor", "-n", "todo-app", "--http-timeout", "45s");

		assertThat(timeouts).containsOnly(Duration.ofSeconds(45));
	}

	@Test
	void warnsWhenAReadinessEndpointCannotBeReachedFromHere() {
		this.todoctl.probe((uri, timeout) -> {
			throw new ConnectException("Connection refused");
		});

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith(
				"""
						WARNING  ksvc/todo
						         could not reach http://todo.todo-app.127.0.0.1.sslip.io/actuator/health/readiness from here (ConnectException: Connection refused)
						         fix: run todoctl where the services' domain resolves (Kourier's external address or a port-forward), or pass --skip-http""");
	}

	@Test
	void skipsTheReadinessEndpointsWhenAsked() {
		this.todoctl.probe((uri, timeout) -> fail("no readiness endpoint should be called"));

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo(
				"""
						Healthy: no problems found by 7 checks (KnativeServing, Kourier, scale-to-zero, Knative Services, pods, Knative Eventing, warning events).
						Readiness endpoints not called (--skip-http).
						""");
	}

	@Test
	void notesAServiceThatIsKeptWarm() {
		this.client.adapt(KnativeClient.class).services().inNamespace("todo-app").withName("todo").edit((todo) -> {
			todo.getSpec().getTemplate().getMetadata().getAnnotations().put("autoscaling.knative.dev/min-scale", "2");
			return todo;
		});

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("""
				INFO     ksvc/todo
				         keeps 2 pods warm (min-scale 2), so it never scales to zero
				         fix: todoctl scale todo --min 0 lets it sleep when idle

				Healthy: 0 errors, 0 warnings, 1 note from %s.
				""".formatted(ALL_CHECKS));
	}

	@Test
	void warnsAboutAServiceStillRollingOut() {
		this.client.adapt(KnativeClient.class).services().inNamespace("todo-app").withName("web").editStatus((web) -> {
			web.getStatus()
				.setConditions(List.of(TodoAppFixture.ready("Unknown", "RevisionMissing",
						"Configuration \"web\" is waiting for a Revision to become ready.")));
			return web;
		});

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.out()).startsWith(
				"""
						WARNING  ksvc/web
						         not Ready yet (RevisionMissing: Configuration "web" is waiting for a Revision to become ready.)""");
	}

	@Test
	void findsNoAppInAnEmptyNamespace() {
		Run run = this.todoctl.run("doctor", "-n", "elsewhere");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).startsWith(
				"""
						ERROR    namespace/elsewhere
						         no Knative Services labelled app.kubernetes.io/part-of=todo-app
						         fix: install the app (helm upgrade --install todo-app charts/todo-app -n elsewhere), or pass the release's --namespace""");
	}

	@Test
	void printsTheFindingsAsJson() throws Exception {
		this.fixture.autoscalerConfig(false).withoutKourier();

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "-o", "json", "--skip-http");

		JsonNode diagnosis = new ObjectMapper().readTree(run.out());
		assertThat(diagnosis.get("findings"))
			.extracting((finding) -> finding.get("severity").asText() + " " + finding.get("subject").asText())
			.containsExactly("ERROR deployment/3scale-kourier-gateway", "ERROR deployment/net-kourier-controller",
					"WARNING configmap/config-autoscaler");
		assertThat(diagnosis.get("checks")).hasSize(7);
	}

	@Test
	void reportsAnAppWithoutEventingAsHealthy() {
		this.fixture.withoutEventing();

		Run run = this.todoctl.run("doctor", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("Healthy: no problems found by " + ALL_CHECKS + ".\n");
	}

	@Test
	void findsABrokerThatIsNotReady() {
		this.fixture.broker(TodoAppFixture.ready("False", "FilterNotReady", "Filter is not ready"));

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).startsWith(
				"""
						ERROR    broker/todo-events
						         not Ready (FilterNotReady: Filter is not ready)
						         fix: its data plane is not running: kubectl get pods -n knative-eventing (the broker's ingress, filter and channel dispatcher), then kubectl describe broker todo-events -n todo-app; a Broker's class needs its controller""");
	}

	@Test
	void findsABrokerNoControllerTookWithTheClassToInstall() {
		this.fixture.broker(TodoAppFixture.ready("True", null, null));
		this.client.adapt(KnativeClient.class)
			.brokers()
			.inNamespace("todo-app")
			.withName("todo-events")
			.editStatus((broker) -> {
				broker.setStatus(null);
				return broker;
			});

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(
				"""
						ERROR    broker/todo-events
						         has no status: no Knative Eventing controller has taken it
						         fix: a Broker's class needs its controller (MTChannelBasedBroker comes with Knative Eventing; the Kafka class needs eventing-kafka-broker installed)""");
	}

	@Test
	void findsATriggerThatIsNotReadyWithItsReason() {
		this.fixture.trigger("reminders-task-completed", "todo.task.completed", "/taskCompleted", TodoAppFixture.ready(
				"False", "Unable to get the Subscriber's URI", "services.serving.knative.dev \"reminders\" not found"));

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).startsWith(
				"""
						ERROR    trigger/reminders-task-completed
						         not Ready (Unable to get the Subscriber's URI: services.serving.knative.dev "reminders" not found)
						         fix: its subscriber, the reminders Knative Service, does not resolve (missing, or without an address until it is Ready): todoctl status -n todo-app and kubectl describe ksvc reminders -n todo-app
						""");
	}

	@Test
	void findsATriggerWhoseBrokerIsMissing() {
		this.fixture.trigger("reminders-tick", "dev.knative.sources.ping", "/tick",
				TodoAppFixture.ready("False", "BrokerDoesNotExist", "Broker \"todo-events\" does not exist"));

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.out()).contains(
				"""
						ERROR    trigger/reminders-tick
						         not Ready (BrokerDoesNotExist: Broker "todo-events" does not exist)
						         fix: its Broker is missing: upgrade the release with eventing.enabled=true and the eventing.broker.name the Trigger names""");
	}

	@Test
	void findsAPingSourceThatIsNotReady() {
		this.fixture.pingSource(
				TodoAppFixture.ready("False", "NotFound", "brokers.eventing.knative.dev \"todo-events\" not found"));

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.out()).contains(
				"""
						ERROR    pingsource/reminders-tick
						         not Ready (NotFound: brokers.eventing.knative.dev "todo-events" not found)
						         fix: its sink, the Broker, must exist and be Ready; then kubectl describe pingsource reminders-tick -n todo-app""");
	}

	@Test
	void findsTheTriggerWhoseDeliveriesFailAndItsDeadLettersWaiting() {
		this.fixture
			.deadLetter("todo.task.completed", TodoAppFixture.REMINDERS_URL + "/taskCompleted", 500,
					Duration.ofMinutes(9), 2)
			.deadLetter("todo.task.completed", TodoAppFixture.REMINDERS_URL + "/taskCompleted", 503,
					Duration.ofMinutes(3), 1);

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).isEqualTo(
				"""
						ERROR    trigger/reminders-task-completed
						         deliveries fail: 3 dead letters waiting, after every retry (last 3m ago: dead letter: todo.task.completed could not be delivered to http://reminders.todo-app.svc.cluster.local/taskCompleted (503))
						         fix: find why reminders refuses them: kubectl logs -l serving.knative.dev/service=reminders -c user-container -n todo-app; the events are kept in its dead_letters table (GET /deadLetters from inside the cluster) to replay once it is fixed

						Unhealthy: 1 error, 0 warnings, 0 notes from 7 checks (KnativeServing, Kourier, scale-to-zero, Knative Services, pods, Knative Eventing, warning events).
						Readiness endpoints not called (--skip-http).
						""");
	}

	@Test
	void namesTheTriggerByItsPathWhenItsSubscriberIsNotResolvedYet() {
		this.fixture
			.trigger("reminders-tick", "dev.knative.sources.ping", "/tick",
					TodoAppFixture.ready("Unknown", "SubscriberNotResolved", "waiting"))
			.deadLetter("dev.knative.sources.ping", "http://reminders.todo-app.svc.cluster.local/tick", 502,
					Duration.ofMinutes(1), 1);

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.out())
			.contains("ERROR    trigger/reminders-tick\n         deliveries fail: 1 dead letter waiting");
	}

	@Test
	void keepsADeadLetterOfNoKnownTriggerOnTheRemindersService() {
		this.fixture.deadLetter("todo.task.deleted", "http://elsewhere.example/hook", 404, Duration.ofMinutes(1), 1);

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.out())
			.contains("ERROR    ksvc/reminders\n         deliveries of a Trigger fail: 1 dead letter waiting");
	}

	@Test
	void ignoresDeadLettersOlderThanTheWindow() {
		this.fixture.deadLetter("todo.task.completed", TodoAppFixture.REMINDERS_URL + "/taskCompleted", 500,
				Duration.ofHours(2), 4);

		Run run = this.todoctl.run("doctor", "-n", "todo-app", "--skip-http");

		assertThat(run.exitCode()).isZero();
	}

}
