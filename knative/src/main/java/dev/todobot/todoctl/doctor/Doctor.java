package dev.todobot.todoctl.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Runs the checks of the health analysis and collects their findings.
 */
public final class Doctor {

	private static final int UNAUTHORIZED = 401;

	private static final int FORBIDDEN = 403;

	private final List<Check> checks;

	public Doctor(List<Check> checks) {
		if (checks == null || checks.isEmpty()) {
			throw new IllegalArgumentException("checks must not be empty");
		}
		this.checks = List.copyOf(checks);
	}

	/**
	 * Runs every check. A check the user's credentials may not run becomes a warning, so
	 * that the others still report; an unreachable cluster ends the analysis.
	 * @param cluster the cluster and the app's namespace
	 * @return the findings, most serious first, in check order within a severity
	 */
	public Diagnosis examine(Cluster cluster) {
		List<Finding> findings = new ArrayList<>();
		for (Check check : this.checks) {
			try {
				findings.addAll(check.run(cluster));
			}
			catch (KubernetesClientException ex) {
				if (ex.getCode() != UNAUTHORIZED && ex.getCode() != FORBIDDEN) {
					throw ex;
				}
				String reason = (ex.getStatus() != null) ? ex.getStatus().getMessage() : ex.getMessage();
				findings.add(
						Finding.warning("check/" + check.name(), "not allowed to read what this check needs: " + reason,
								"run with a context that may get and list these resources (--context)"));
			}
		}
		findings.sort(Comparator.comparing(Finding::severity));
		return new Diagnosis(this.checks.stream().map(Check::name).toList(), findings);
	}

}
