package dev.todobot.todoctl.doctor;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todobot.todoctl.app.Conditions;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.serving.v1.Service;

/**
 * Each function that Knative reports Ready also answers its own readiness endpoint, whose
 * group includes the database: Knative only knows that the pod started.
 */
final class ReadinessCheck implements Check {

	private static final int OK = 200;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ReadinessProbe probe;

	private final Duration timeout;

	ReadinessCheck(ReadinessProbe probe, Duration timeout) {
		if (probe == null) {
			throw new IllegalArgumentException("probe must not be null");
		}
		this.probe = probe;
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "readiness endpoints";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		List<Finding> findings = new ArrayList<>();
		for (Service service : TodoApp.services(cluster)) {
			String name = service.getMetadata().getName();
			if (TodoApp.FUNCTIONS.contains(name) && service.getStatus() != null && service.getStatus().getUrl() != null
					&& "True".equals(Conditions.status(service.getStatus().getConditions(), Conditions.READY))) {
				URI uri = URI.create(service.getStatus().getUrl() + TodoApp.READINESS_PATH);
				probe(name, uri).ifPresent(findings::add);
			}
		}
		return findings;
	}

	private Optional<Finding> probe(String service, URI uri) {
		ReadinessProbe.Answer answer;
		try {
			answer = this.probe.get(uri, this.timeout);
		}
		catch (IOException ex) {
			return Optional.of(Finding.warning("ksvc/" + service,
					"could not reach " + uri + " from here (" + ex.getClass().getSimpleName()
							+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")",
					"run todoctl where the services' domain resolves (Kourier's external address or a port-forward),"
							+ " or pass --skip-http"));
		}
		if (answer.status() == OK) {
			return Optional.empty();
		}
		return Optional.of(Finding.error("ksvc/" + service,
				"readiness endpoint answered " + answer.status() + down(answer.body()),
				"its readiness includes the database: check DATABASE_URL in the release's Secret and that the"
						+ " database accepts connections (a suspended Neon compute wakes on the first one: retry)"));
	}

	/** Names the health components that are not UP, from Spring Boot's health JSON. */
	private static String down(String body) {
		JsonNode health;
		try {
			health = JSON.readTree(body);
		}
		catch (JsonProcessingException ex) {
			return "";
		}
		if (health == null || !health.has("status")) {
			return "";
		}
		List<String> down = new ArrayList<>();
		for (Map.Entry<String, JsonNode> component : health.path("components").properties()) {
			String status = component.getValue().path("status").asText();
			if (!"UP".equals(status)) {
				down.add(component.getKey() + " " + status);
			}
		}
		return ": " + health.get("status").asText() + (down.isEmpty() ? "" : " (" + String.join(", ", down) + ")");
	}

}
