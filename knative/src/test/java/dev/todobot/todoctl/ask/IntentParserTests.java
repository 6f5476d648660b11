package dev.todobot.todoctl.ask;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntentParserTests {

	private final IntentParser parser = new IntentParser();

	@ParameterizedTest(name = "\"{0}\" -> todoctl {1}")
	@CsvSource(delimiter = '|', textBlock = """
			scale chat to 3                                 | scale chat --min 3
			Scale the chatbot to three                      | scale chat --min 3
			keep two todo pods warm                         | scale todo --min 2
			keep the frontend warm                          | scale web --min 1
			let everything sleep when idle                  | scale all --min 0
			let the UI scale to zero                        | scale web --min 0
			put the website to sleep when nobody uses it    | scale web --min 0
			scale mcp to 0                                  | scale mcp --min 0
			run 4 mcp replicas                              | scale mcp --min 4
			I want ten instances of the assistant           | scale chat --min 10
			scale todo to 2, at most 5                      | scale todo --min 2 --max 5
			scale the tools between one and four pods       | scale mcp --min 1 --max 4
			keep at least 1 and at most 3 chat pods         | scale chat --min 1 --max 3
			scale the task api to 1-3 pods                  | scale todo --min 1 --max 3
			scale everything to 1                           | scale all --min 1
			scale the chatbot up to 5                       | scale chat --min 5
			scale up the agent to five                      | scale chat --min 5
			scale chat from 1 to 3                          | scale chat --min 3
			why is chat failing?                            | doctor
			what's wrong with the app?                      | doctor
			Chat is down!                                   | doctor
			is the database ok?                             | doctor
			health check please                             | doctor
			diagnose the todo service                       | doctor
			what's running?                                 | status
			show me the status                              | status
			is the chatbot up?                              | status
			how many pods are running?                      | status
			which revision does the front end serve?       | status
			""")
	void mapsAPlainRequestToACommand(String request, String command) {
		Intent intent = this.parser.parse(request);

		assertThat(intent).isInstanceOf(Intent.Plan.class);
		assertThat(((Intent.Plan) intent).commandLines()).containsExactly("todoctl " + command);
	}

	@ParameterizedTest(name = "\"{0}\" is refused")
	@CsvSource(delimiter = '|',
			textBlock = """
					delete chat                       | todoctl does not delete, stop or reset anything; it reads and scales.
					remove all pods                   | todoctl does not delete, stop or reset anything; it reads and scales.
					turn off the frontend             | todoctl does not delete, stop or reset anything; it reads and scales.
					kill the mcp server               | todoctl does not delete, stop or reset anything; it reads and scales.
					drop the database                 | todoctl never changes the database, let alone drops it.
					wipe all tasks from postgres      | todoctl never changes the database, let alone drops it.
					scale something                   | Which service? Name one of todo, mcp, chat, web, or everything.
					scale chat to -1                  | A number of pods cannot be negative.
					scale chat                        | How many pods of chat? Say a number, such as "scale chat to 2".
					let chat use up to 4 pods         | How many pods of chat should stay warm? todoctl needs a minimum.
					scale chat to 5 with at most 2    | At most 2 cannot be fewer than at least 5.
					scale web to 500                  | More than 100 pods is more than todoctl ask will plan; type the command yourself if you mean it.
					make me a sandwich                | I do not know how to do "make me a sandwich".
					""")
	void refusesADestructiveOrAmbiguousRequest(String request, String reason) {
		Intent intent = this.parser.parse(request);

		assertThat(intent).isInstanceOf(Intent.Refusal.class);
		assertThat(((Intent.Refusal) intent).reason()).isEqualTo(reason);
	}

	@Test
	void suggestsLettingAServiceSleepInsteadOfDeletingIt() {
		Intent.Refusal refusal = (Intent.Refusal) this.parser.parse("delete chat");

		assertThat(refusal.suggestions()).containsExactly(
				"todoctl scale chat --min 0   # chat sleeps when idle and wakes on the next request", "todoctl status");
	}

	@Test
	void suggestsTheValidMinimumForANegativeScale() {
		Intent.Refusal refusal = (Intent.Refusal) this.parser.parse("scale chat to -1");

		assertThat(refusal.suggestions()).containsExactly("todoctl scale chat --min 0   # lets chat sleep when idle",
				"todoctl scale chat --min 1   # keeps one pod of chat warm");
	}

	@Test
	void suggestsTheScaleCommandWhenNoServiceIsNamed() {
		Intent.Refusal refusal = (Intent.Refusal) this.parser.parse("scale something");

		assertThat(refusal.suggestions()).containsExactly("todoctl scale <todo|mcp|chat|web|all> --min N [--max M]",
				"todoctl status");
	}

	@Test
	void suggestsTheDoctorWhenAskedToDropTheDatabase() {
		Intent.Refusal refusal = (Intent.Refusal) this.parser.parse("drop the database");

		assertThat(refusal.suggestions())
			.containsExactly("todoctl doctor   # checks that each function reaches the database", "todoctl status");
	}

	@Test
	void plansOneCommandPerNamedService() {
		Intent.Plan plan = (Intent.Plan) this.parser.parse("scale chat and web to 2");

		assertThat(plan.commandLines()).containsExactly("todoctl scale chat --min 2", "todoctl scale web --min 2");
	}

	@Test
	void letsANamedServiceWinOverAll() {
		Intent.Plan plan = (Intent.Plan) this.parser.parse("keep all todo pods warm");

		assertThat(plan.commandLines()).containsExactly("todoctl scale todo --min 1");
	}

	@Test
	void marksAScalePlanAsAChange() {
		Intent.Plan plan = (Intent.Plan) this.parser.parse("scale chat to 3");

		assertThat(plan.changesCluster()).isTrue();
		assertThat(plan.explanation()).isEqualTo("Sets autoscaling.knative.dev/min-scale=3 on the revision template:"
				+ " keeps 3 pods of chat warm. Knative rolls out a new revision.");
	}

	@Test
	void marksStatusAndDoctorAsReadOnly() {
		List<Intent> intents = List.of(this.parser.parse("what's running?"), this.parser.parse("why is chat failing?"));

		assertThat(intents).allSatisfy((intent) -> assertThat(((Intent.Plan) intent).changesCluster()).isFalse());
	}

	@Test
	void refusesAnEmptyRequest() {
		assertThat(this.parser.parse("  ?! ")).isInstanceOf(Intent.Refusal.class);
	}

}
