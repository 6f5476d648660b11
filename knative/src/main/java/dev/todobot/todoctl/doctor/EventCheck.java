package dev.todobot.todoctl.doctor;

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

import dev.todobot.todoctl.cli.Cluster;
import dev.todobot.todoctl.cli.DurationConverter;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * Recent warning events in the app's namespace, one finding per object and reason.
 */
final class EventCheck implements Check {

	private static final int MOST = 10;

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
		for (Event event : cluster.kubernetes().v1().events().inNamespace(cluster.namespace()).list().getItems()) {
			Optional<Instant> seen = lastSeen(event);
			if ("Warning".equals(event.getType()) && seen.isPresent() && !seen.get().isBefore(since)) {
				ObjectReference object = event.getInvolvedObject();
				String subject = object.getKind().toLowerCase() + "/" + object.getName();
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
			return Finding.warning(this.subject,
					this.reason + ": " + this.message + " (" + this.count + "x, last " + ago + " ago)",
					"kubectl describe " + kindAndName[0] + " " + kindAndName[1] + " -n " + cluster.namespace());
		}

	}

}
