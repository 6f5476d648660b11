package dev.todobot.todoctl.doctor;

import java.util.List;

/**
 * The outcome of the health analysis.
 *
 * @param checks the names of the checks that ran
 * @param findings what they found, most serious first
 */
public record Diagnosis(List<String> checks, List<Finding> findings) {

	public Diagnosis {
		checks = List.copyOf(checks);
		findings = List.copyOf(findings);
	}

	/**
	 * Healthy means no errors; warnings and notes may remain.
	 * @return whether nothing was found at {@link Severity#ERROR}
	 */
	public boolean healthy() {
		return count(Severity.ERROR) == 0;
	}

	public long count(Severity severity) {
		return this.findings.stream().filter((finding) -> finding.severity() == severity).count();
	}

}
