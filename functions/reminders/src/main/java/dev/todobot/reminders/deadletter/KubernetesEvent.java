package dev.todobot.reminders.deadletter;

/**
 * A core/v1 Event, as the API server takes it: the fields {@code kubectl get events} and
 * {@code todoctl doctor} read.
 *
 * @param apiVersion {@code v1}
 * @param kind {@code Event}
 * @param metadata its name's prefix and namespace
 * @param involvedObject what it is about
 * @param reason why, in one word
 * @param message what happened
 * @param type {@code Warning}
 * @param source what reports it
 * @param firstTimestamp when it was first seen
 * @param lastTimestamp when it was last seen
 * @param count how often it was seen
 */
record KubernetesEvent(String apiVersion, String kind, Metadata metadata, InvolvedObject involvedObject, String reason,
		String message, String type, Source source, String firstTimestamp, String lastTimestamp, int count) {

	/**
	 * @param generateName the prefix the API server adds a unique suffix to
	 * @param namespace the namespace
	 */
	record Metadata(String generateName, String namespace) {

	}

	/**
	 * @param apiVersion the object's API version
	 * @param kind its kind
	 * @param name its name
	 * @param namespace its namespace
	 */
	record InvolvedObject(String apiVersion, String kind, String name, String namespace) {

	}

	/**
	 * @param component the reporting component
	 */
	record Source(String component) {

	}

}
