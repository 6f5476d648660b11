package dev.todobot.todoctl.app;

import java.util.List;
import java.util.Optional;

import io.fabric8.knative.pkg.apis.Condition;

/**
 * Reads Knative status conditions.
 */
public final class Conditions {

	public static final String READY = "Ready";

	private Conditions() {
	}

	public static Optional<Condition> find(List<Condition> conditions, String type) {
		return (conditions != null) ? conditions.stream().filter((c) -> type.equals(c.getType())).findFirst()
				: Optional.empty();
	}

	/**
	 * The status of a condition, {@code Unknown} when it is not there yet.
	 * @param conditions the conditions of a resource's status
	 * @param type the condition type
	 * @return {@code True}, {@code False} or {@code Unknown}
	 */
	public static String status(List<Condition> conditions, String type) {
		return find(conditions, type).map(Condition::getStatus).orElse("Unknown");
	}

	/**
	 * The reason and message of a condition, for a person to read.
	 * @param condition the condition
	 * @return "reason: message", or whichever of the two is set
	 */
	public static String explain(Condition condition) {
		String reason = condition.getReason();
		String message = condition.getMessage();
		if (reason == null || reason.isBlank()) {
			return (message != null) ? message : "";
		}
		return (message == null || message.isBlank()) ? reason : reason + ": " + message;
	}

}
