package dev.todobot.todoctl.doctor;

/**
 * One result of the health analysis.
 *
 * @param severity how much it matters
 * @param subject what it is about, as kubectl names it ({@code revision/chat-00002})
 * @param problem what is wrong, with the reason Kubernetes or Knative gives
 * @param fix what to do about it, {@code null} when there is nothing to do
 */
public record Finding(Severity severity, String subject, String problem, String fix) {

	public Finding {
		if (severity == null) {
			throw new IllegalArgumentException("severity must not be null");
		}
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("subject must not be blank");
		}
		if (problem == null || problem.isBlank()) {
			throw new IllegalArgumentException("problem must not be blank");
		}
	}

	public static Finding error(String subject, String problem, String fix) {
		return new Finding(Severity.ERROR, subject, problem, fix);
	}

	public static Finding warning(String subject, String problem, String fix) {
		return new Finding(Severity.WARNING, subject, problem, fix);
	}

	public static Finding info(String subject, String problem, String fix) {
		return new Finding(Severity.INFO, subject, problem, fix);
	}

}
