package dev.todobot.todoctl.doctor;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.todoctl.app.Eventing;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import dev.todobot.todoctl.cli.DurationConverter;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * Recent warning events in the app's namespace, one finding per object and reason. The
 * reminders function records one with reason {@value #DEAD_LETTER} for each event a
 * Trigger gave up on, naming the destination that failed ({@code knativeerrordest});
 * those are reported on the Trigger whose subscriber that is, as deliveries that fail.
 */
final class EventCheck implements Check {

	private static final int MOST = 10;

	static final String DEAD_LETTER = "DeadLetter";

	private static final Pattern URL = Pattern.compile("https?://[^\\s,;\"')]+");

	private final Clock clock;

	private final Duration window;

	EventCheck(Clock clock, Duration window) {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive, not " + window);
		}
		this.clock = clock;
		this.window = window;
	}

	@Override
	public String name() {
		return "warning events";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.window);
		Map<String, Recent> recent = new LinkedHashMap<>();
		List<Trigger> triggers = null;
		for (Event event : cluster.kubernetes().v1().events().inNamespace(cluster.namespace()).list().getItems()) {
			Optional<Instant> seen = lastSeen(event);
			if ("Warning".equals(event.getType()) && seen.isPresent() && !seen.get().isBefore(since)) {
				ObjectReference object = event.getInvolvedObject();
				String subject = object.getKind().toLowerCase() + "/" + object.getName();
				if (isDeadLetter(event)) {
					triggers = (triggers != null) ? triggers : Eventing.triggers(cluster);
					subject = failingTrigger(triggers, event.getMessage()).map((trigger) -> "trigger/" + trigger)
						.orElse("ksvc/" + TodoApp.REMINDERS);
				}
				int count = Optional.ofNullable(event.getCount()).orElse(1);
				recent.merge(subject + " " + event.getReason(),
						new Recent(subject, event.getReason(), event.getMessage(), count, seen.get()), Recent::add);
			}
		}
		List<Recent> newestFirst = recent.values()
			.stream()
			.sorted(Comparator.comparing(Recent::last).reversed())
			.toList();
		List<Finding> findings = new ArrayList<>();
		newestFirst.stream().limit(MOST).forEach((event) -> findings.add(event.finding(cluster, now)));
		if (newestFirst.size() > MOST) {
			findings.add(Finding.info("namespace/" + cluster.namespace(),
					(newestFirst.size() - MOST) + " more kinds of warning events",
					"kubectl get events -n " + cluster.namespace() + " --field-selector type=Warning"));
		}
		return findings;
	}

	private static boolean isDeadLetter(Event event) {
		ObjectReference object = event.getInvolvedObject();
		return DEAD_LETTER.equals(event.getReason()) && object != null && TodoApp.REMINDERS.equals(object.getName());
	}

	/**
	 * The Trigger whose subscriber is the destination a dead letter's message names: its
	 * resolved subscriber URI, or else the reminders path it names.
	 */
	private static Optional<String> failingTrigger(List<Trigger> triggers, String message) {
		if (message == null) {
			return Optional.empty();
		}
		Matcher urls = URL.matcher(message);
		while (urls.find()) {
			String destination = urls.group().replaceAll("[.]$", "");
			for (Trigger trigger : triggers) {
				String resolved = (trigger.getStatus() != null) ? trigger.getStatus().getSubscriberUri() : null;
				if (destination.equals(resolved)) {
					return Optional.of(trigger.getMetadata().getName());
				}
			}
			String path;
			try {
				path = URI.create(destination).getPath();
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			for (Trigger trigger : triggers) {
				var subscriber = trigger.getSpec().getSubscriber();
				if (subscriber != null && subscriber.getUri() != null && subscriber.getUri().equals(path)) {
					return Optional.of(trigger.getMetadata().getName());
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Events carry their time in one of three fields, depending on the API that wrote
	 * them.
	 */
	private static Optional<Instant> lastSeen(Event event) {
		String time = Optional.ofNullable(event.getLastTimestamp())
			.or(() -> Optional.ofNullable(event.getEventTime()).map(MicroTime::getTime))
			.orElse(event.getMetadata().getCreationTimestamp());
		try {
			return Optional.ofNullable(time).map(Instant::parse);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private record Recent(String subject, String reason, String message, int count, Instant last) {

		Recent add(Recent other) {
			Recent newer = other.last.isAfter(this.last) ? other : this;
			return new Recent(this.subject, this.reason, newer.message, this.count + other.count, newer.last);
		}

		Finding finding(Cluster cluster, Instant now) {
			String ago = DurationConverter.format(Duration.between(this.last, now).withNanos(0));
			String[] kindAndName = this.subject.split("/", 2);
			if (DEAD_LETTER.equals(this.reason)) {
				return deadLetters(cluster, ago, kindAndName);
			}
			return Finding.warning(this.subject,
					this.reason + ": " + this.message + " (" + this.count + "x, last " + ago + " ago)",
					"kubectl describe " + kindAndName[0] + " " + kindAndName[1] + " -n " + cluster.namespace());
		}

		private Finding deadLetters(Cluster cluster, String ago, String[] kindAndName) {
			String namespace = cluster.namespace();
			String deliveries = kindAndName[0].equals("trigger") ? "deliveries fail: "
					: "deliveries of a Trigger fail: ";
			return Finding.error(this.subject,
					deliveries + this.count + " dead letter" + ((this.count == 1) ? "" : "s") + " waiting, after every"
							+ " retry (last " + ago + " ago: " + this.message + ")",
					"find why " + TodoApp.REMINDERS + " refuses them: kubectl logs -l " + TodoApp.SERVICE_LABEL + "="
							+ TodoApp.REMINDERS + " -c " + TodoApp.USER_CONTAINER + " -n " + namespace
							+ "; the events are kept in its dead_letters table (GET /deadLetters from inside the"
							+ " cluster) to replay once it is fixed");
		}

	}

}
