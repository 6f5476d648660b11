package dev.todobot.todoctl.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todobot.todoctl.AbstractCommandTests;
import dev.todobot.todoctl.FakeServingController;
import dev.todobot.todoctl.TodoctlRunner.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskCommandTests extends AbstractCommandTests {

	@Test
	void runsAReadOnlyPlanAtOnce() {
		Run run = this.todoctl.run("ask", "what's running?", "-n", "todo-app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith(
				"""
						Plan: todoctl status
						      Shows each service's readiness, URL, revision, traffic, pods and scale, and whether the Broker, Triggers and PingSource are Ready (read-only).

						NAME        READY   URL""");
	}

	@Test
	void changesNothingWithoutAnAnswer() {
		Run run = this.todoctl.run("ask", "scale chat to 3", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(5);
		assertThat(run.out()).isEqualTo(
				"""
						Plan: todoctl scale chat --min 3
						      Sets autoscaling.knative.dev/min-scale=3 on the revision template: keeps 3 pods of chat warm. Knative rolls out a new revision.
						Proceed? [y/N]\s
						Nothing done.
						""");
		assertThat(this.server.patches()).isEmpty();
	}

	@Test
	void changesNothingWhenTheAnswerIsNo() {
		Run run = this.todoctl.stdin("n\n").run("ask", "keep two todo pods warm", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(5);
		assertThat(run.out()).endsWith("Proceed? [y/N] Nothing done.\n");
		assertThat(this.server.patches()).isEmpty();
	}

	@Test
	void carriesOutAConfirmedPlan() throws Exception {
		Run run;
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			run = this.todoctl.stdin("y\n").run("ask", "keep two todo pods warm", "-n", "todo-app");
		}

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Proceed? [y/N] \n").contains("todo      2     5     todo-00002   True");
		assertThat(this.fixture.templateAnnotations("todo")).containsEntry("autoscaling.knative.dev/min-scale", "2");
	}

	@Test
	void carriesOutAPlanWithoutAskingWhenToldYes() throws Exception {
		Run run;
		try (FakeServingController knative = FakeServingController.readying(this.client)) {
			run = this.todoctl.run("ask", "--yes", "let everything sleep when idle", "-n", "todo-app");
		}

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).doesNotContain("Proceed?");
		assertThat(this.server.patches()).hasSize(5)
			.allSatisfy((patch) -> assertThat(patch).endsWith("{\"autoscaling.knative.dev/min-scale\":\"0\"}}}}}"));
	}

	@Test
	void refusesADestructiveRequestAndChangesNothing() {
		Run run = this.todoctl.stdin("y\n").run("ask", "delete chat", "-n", "todo-app");

		assertThat(run.exitCode()).isEqualTo(5);
		assertThat(run.out()).isEqualTo("""
				Refused: todoctl does not delete, stop or reset anything; it reads and scales.
				Closest commands:
				  todoctl scale chat --min 0   # chat sleeps when idle and wakes on the next request
				  todoctl status
				""");
		assertThat(this.server.patches()).isEmpty();
		assertThat(this.fixture.service("chat")).isNotNull();
	}

	@Test
	void passesTheNamespaceAndOutputFormatOnToThePlannedCommand() throws Exception {
		Run run = this.todoctl.run("ask", "why is chat failing?", "-n", "todo-app", "-o", "json");

		assertThat(run.exitCode()).isZero();
		assertThat(new ObjectMapper().readTree(run.out()).get("checks")).hasSize(8);
	}

	@Test
	void talksOnStandardErrorWhenTheOutputIsJson() {
		Run run = this.todoctl.run("ask", "what's running?", "-n", "todo-app", "-o", "json");

		assertThat(run.err()).startsWith("Plan: todoctl status\n");
		assertThat(run.out()).startsWith("{");
	}

	@Test
	void takesTheRequestUnquotedToo() {
		Run run = this.todoctl.run("ask", "-n", "todo-app", "why", "is", "chat", "failing");

		assertThat(run.out()).startsWith("Plan: todoctl doctor\n");
	}

}
