package dev.todobot.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the reminders function takes from the Broker, read from the chart's
 * {@code files/subscriptions.yaml}, the one list the chart renders into Triggers: the
 * local broker delivers by the same filters, with the same retries.
 *
 * @param subscriptions each Trigger's filter and path
 * @param delivery their delivery
 */
record Subscriptions(List<Subscription> subscriptions, Delivery delivery) {

	/** Where the file is, in the repository. */
	static final Path FILE = Path.of("charts", "todo-app", "files", "subscriptions.yaml");

	/**
	 * Reads the file.
	 * @param file the file
	 * @return what it says
	 * @throws IllegalArgumentException when it is not as the chart expects
	 */
	static Subscriptions read(Path file) throws IOException {
		Map<?, ?> root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		if (root == null || !(root.get("subscriptions") instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalArgumentException(file + " lists no subscriptions");
		}
		List<Subscription> subscriptions = list.stream().map((entry) -> {
			Map<?, ?> map = (Map<?, ?>) entry;
			return new Subscription(text(file, map, "name", true), text(file, map, "type", true),
					text(file, map, "source", false), text(file, map, "path", true));
		}).toList();
		if (!(root.get("delivery") instanceof Map<?, ?> delivery)) {
			throw new IllegalArgumentException(file + " has no delivery");
		}
		String policy = text(file, delivery, "backoffPolicy", true);
		if (!policy.equals("exponential") && !policy.equals("linear")) {
			throw new IllegalArgumentException(
					file + ": backoffPolicy must be exponential or linear, not '" + policy + "'");
		}
		try {
			return new Subscriptions(subscriptions,
					new Delivery(Integer.parseInt(text(file, delivery, "retry", true)), policy.equals("exponential"),
							Duration.parse(text(file, delivery, "backoffDelay", true)),
							text(file, delivery, "deadLetterPath", true)));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException(file + ": " + ex.getMessage(), ex);
		}
	}

	private static String text(Path file, Map<?, ?> map, String key, boolean required) {
		Object value = map.get(key);
		if (value == null && required) {
			throw new IllegalArgumentException(file + ": '" + key + "' is missing in " + map);
		}
		return (value != null) ? value.toString() : null;
	}

	/**
	 * A Trigger.
	 *
	 * @param name its name
	 * @param type the event type it takes
	 * @param source the event source it takes, or {@code null} for any
	 * @param path where on the reminders function its events go
	 */
	record Subscription(String name, String type, String source, String path) {

		boolean matches(String eventType, String eventSource) {
			return this.type.equals(eventType) && (this.source == null || this.source.equals(eventSource));
		}

	}

	/**
	 * A Trigger's delivery, as Knative's DeliverySpec says it.
	 *
	 * @param retry how often a failed delivery is tried again
	 * @param exponential whether the wait doubles with each retry (else it grows
	 * linearly)
	 * @param backoffDelay the wait's unit
	 * @param deadLetterPath where on the reminders function an event goes once every
	 * retry failed
	 */
	record Delivery(int retry, boolean exponential, Duration backoffDelay, String deadLetterPath) {

		/**
		 * The wait before a retry, as Knative computes it.
		 * @param retry the retry, from 1
		 * @return {@code backoffDelay * 2^retry}, or {@code backoffDelay * retry} when
		 * linear
		 */
		Duration backoff(int retry) {
			return this.exponential ? this.backoffDelay.multipliedBy(1L << retry)
					: this.backoffDelay.multipliedBy(retry);
		}

	}

}
