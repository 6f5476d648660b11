package dev.todobot.charts;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint --strict}: warnings fail too.
 */
class ChartLintTests {

	@Test
	void todoAppPassesStrictLint() {
		LintResult result = Charts.lintStrict(Charts.TODO_APP);
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

	@Test
	void knativeServingPassesStrictLint() {
		LintResult result = Charts.lintStrict(Charts.KNATIVE_SERVING);
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
	}

}
