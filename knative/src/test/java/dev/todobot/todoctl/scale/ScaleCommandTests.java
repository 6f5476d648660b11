package dev.todobot.todoctl.scale;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todobot.todoctl.AbstractCommandTests;
import dev.todobot.todoctl.FakeServingController;
import dev.todobot.todoctl.TodoctlRunner.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleCommandTests extends AbstractCommandTests {

	private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/todo-app/services/";

	private static final String MERGE_PATCH = "application/merge-patch+json";

	@Test
	void sendsAMergePatchOfTheMinScaleAnnotationOnTheTemplate() throws Exception {
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			this.todoctl.run("scale", "chat", "--min", "3", "-n", "todo-app");
		}

		assertThat(this.server.patches()).containsExactly(SERVICES + "chat " + MERGE_PATCH
				+ " {\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"autoscaling.knative.dev/min-scale\":\"3\"}}}}}");
	}

	@Test
	void setsMinScaleAndKeepsTheOtherAnnotations() throws Exception {
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			this.todoctl.run("scale", "chat", "--min", "3", "-n", "todo-app");
		}

		assertThat(this.fixture.templateAnnotations("chat")).containsExactlyInAnyOrderEntriesOf(
				Map.of("autoscaling.knative.dev/min-scale", "3", "autoscaling.knative.dev/max-scale", "5",
						"autoscaling.knative.dev/target", "50", "autoscaling.knative.dev/scale-down-delay", "0s"));
	}

	@Test
	void setsMaxScaleWhenGivenOne() throws Exception {
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			this.todoctl.run("scale", "todo", "--min", "2", "--max", "8", "-n", "todo-app");
		}

		assertThat(this.server.patches()).containsExactly(SERVICES + "todo " + MERGE_PATCH
				+ " {\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"autoscaling.knative.dev/min-scale\":\"2\",\"autoscaling.knative.dev/max-scale\":\"8\"}}}}}");
		assertThat(this.fixture.templateAnnotations("todo")).containsEntry("autoscaling.knative.dev/min-scale", "2")
			.containsEntry("autoscaling.knative.dev/max-scale", "8");
	}

	@Test
	void waitsForTheNewRevisionAndReportsItsPods() throws Exception {
		Run run;
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			run = this.todoctl.run("scale", "chat", "--min", "3", "-n", "todo-app");
		}

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).isEqualTo("""
				SERVICE   MIN   MAX   REVISION     READY   REASON
				chat      3     5     chat-00002   True    -

				POD                                 REVISION     PHASE     READY
				chat-00002-deployment-7d4b9c-ax2k   chat-00002   Running   2/2
				chat-00002-deployment-7d4b9c-bx2k   chat-00002   Running   2/2
				chat-00002-deployment-7d4b9c-cx2k   chat-00002   Running   2/2
				""");
	}

	@Test
	void scalesEveryServiceWithAll() throws Exception {
		Run run;
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			run = this.todoctl.run("scale", "all", "--min", "1", "-n", "todo-app", "-o", "json");
		}

		assertThat(run.exitCode()).isZero();
		assertThat(this.server.patches()).hasSize(5);
		List<Map<String, Object>> results = new ObjectMapper().readValue(run.out(), new TypeReference<>() {
		});
		assertThat(results).extracting((result) -> result.get("revision"))
			.containsExactly("todo-00002", "mcp-00002", "chat-00002", "web-00002", "reminders-00002");
		assertThat(results)
			.allSatisfy((result) -> assertThat(result).containsEntry("minScale", 1).containsEntry("ready", true));
	}

	@Test
	void scalesTheDeployedServicesWithAllWhenEventingIsOff() throws Exception {
		this.fixture.withoutEventing();

		Run run;
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			run = this.todoctl.run("scale", "all", "--min", "1", "-n", "todo-app", "-o", "json");
		}

		assertThat(run.exitCode()).isZero();
		assertThat(this.server.patches()).hasSize(4).noneSatisfy((patch) -> assertThat(patch).contains("reminders"));
	}

	@Test
	void liftsTheLimitWithMaxZero() throws Exception {
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			this.todoctl.run("scale", "web", "--min", "4", "--max", "0", "-n", "todo-app");
		}

		assertThat(this.fixture.templateAnnotations("web")).containsEntry("autoscaling.knative.dev/min-scale", "4")
			.containsEntry("autoscaling.knative.dev/max-scale", "0");
	}

	@Test
	void refusesAMinimumAboveTheCurrentLimitWithoutChangingAnything() throws Exception {
		Run run = this.todoctl.run("scale", "web", "--min", "4", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err())
			.isEqualTo("web allows at most 3 pods (max-scale); pass --max 4 or more, or --max 0 for no limit\n");
		assertThat(this.server.patches()).isEmpty();
	}

	@Test
	void refusesANegativeMinimum() throws Exception {
		Run run = this.todoctl.run("scale", "chat", "--min", "-1", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("--min must be 0 or more, not -1\n");
		assertThat(this.server.patches()).isEmpty();
	}

	@Test
	void rejectsAServiceThatIsNotPartOfTheApp() {
		Run run = this.todoctl.run("scale", "postgres", "--min", "1", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err())
			.startsWith("unknown service 'postgres': use one of todo, mcp, chat, web, reminders, all\n");
	}

	@Test
	void reportsARevisionThatFailed() throws Exception {
		Run run;
		try (FakeServingController knative = FakeServingController.failing(this.client)) {
			run = this.todoctl.run("scale", "chat", "--min", "2", "-n", "todo-app");
		}

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(
				"chat      2     5     chat-00002   False   RevisionFailed: Revision \"chat-00002\" failed with message: Container failed with: OOMKilled.");
	}

	@Test
	void timesOutWhenTheNewRevisionIsNeverReady() throws Exception {
		Run run = this.todoctl.run("scale", "chat", "--min", "2", "--timeout", "1s", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(4);
		assertThat(run.err()).isEqualTo("The change to chat is applied, but its new revision was not Ready within 1s;"
				+ " Knative keeps rolling it out: see todoctl status and todoctl doctor\n");
		assertThat(this.fixture.templateAnnotations("chat")).containsEntry("autoscaling.knative.dev/min-scale", "2");
	}

}
