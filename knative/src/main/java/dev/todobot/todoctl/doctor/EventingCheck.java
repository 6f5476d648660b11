package dev.todobot.todoctl.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.todobot.todoctl.app.Conditions;
import dev.todobot.todoctl.app.Eventing;
import dev.todobot.todoctl.app.TodoApp;
import dev.todobot.todoctl.cli.Cluster;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.sources.v1.PingSource;

/**
 * The app's Broker, Triggers and PingSource are Ready, with the reasons Knative Eventing
 * gives when they are not. Nothing to check when the chart's eventing is off.
 */
final class EventingCheck implements Check {

	@Override
	public String name() {
		return "Knative Eventing";
	}

	@Override
	public List<Finding> run(Cluster cluster) {
		List<Broker> brokers = Eventing.brokers(cluster);
		List<Trigger> triggers = Eventing.triggers(cluster);
		List<PingSource> pingSources = Eventing.pingSources(cluster);
		List<Finding> findings = new ArrayList<>();
		for (Broker broker : brokers) {
			check(cluster, "broker", broker.getMetadata().getName(),
					(broker.getStatus() != null) ? broker.getStatus().getConditions() : null)
				.ifPresent(findings::add);
		}
		for (Trigger trigger : triggers) {
			check(cluster, "trigger", trigger.getMetadata().getName(),
					(trigger.getStatus() != null) ? trigger.getStatus().getConditions() : null)
				.ifPresent(findings::add);
		}
		for (PingSource source : pingSources) {
			check(cluster, "pingsource", source.getMetadata().getName(),
					(source.getStatus() != null) ? source.getStatus().getConditions() : null)
				.ifPresent(findings::add);
		}
		return findings;
	}

	private static Optional<Finding> check(Cluster cluster, String kind, String name, List<Condition> conditions) {
		Optional<Condition> ready = Conditions.find(conditions, Conditions.READY);
		String subject = kind + "/" + name;
		if (ready.isEmpty()) {
			// Eventing's controllers write a status at once; none means none took it
			return Optional.of(Finding.error(subject, "has no status: no Knative Eventing controller has taken it",
					kind.equals("broker") ? Fix.brokerClass()
							: "check that Knative Eventing runs: kubectl get knativeeventing -A and kubectl get pods"
									+ " -n knative-eventing"));
		}
		String status = ready.get().getStatus();
		String explanation = Conditions.explain(ready.get());
		if ("False".equals(status)) {
			return Optional.of(Finding.error(subject, "not Ready (" + explanation + ")",
					Fix.of(cluster, kind, name, explanation)));
		}
		if (!"True".equals(status)) {
			return Optional.of(Finding.warning(subject, "not Ready yet (" + explanation + ")",
					"Knative Eventing is still setting it up: run todoctl doctor again in a minute, or kubectl"
							+ " describe " + kind + " " + name + " -n " + cluster.namespace()));
		}
		return Optional.empty();
	}

	/** The fixes for what Knative Eventing reports. */
	private static final class Fix {

		static String of(Cluster cluster, String kind, String name, String explanation) {
			String namespace = cluster.namespace();
			String lower = explanation.toLowerCase();
			if (kind.equals("broker")) {
				return "its data plane is not running: kubectl get pods -n knative-eventing (the broker's ingress,"
						+ " filter and channel dispatcher), then kubectl describe broker " + name + " -n " + namespace
						+ "; " + brokerClass();
			}
			if (kind.equals("pingsource")) {
				return "its sink, the Broker, must exist and be Ready; then kubectl describe pingsource " + name
						+ " -n " + namespace;
			}
			if (lower.contains("broker") && (lower.contains("does not exist") || lower.contains("not found"))) {
				return "its Broker is missing: upgrade the release with eventing.enabled=true and the"
						+ " eventing.broker.name the Trigger names";
			}
			if (lower.contains("broker")) {
				return "its Broker is not Ready: fix that first (see the broker's finding, or kubectl describe"
						+ " broker -n " + namespace + ")";
			}
			if (lower.contains("dead letter") || lower.contains("deadletter")) {
				return "its dead-letter sink, the " + TodoApp.REMINDERS + " Knative Service, does not resolve:"
						+ " todoctl status -n " + namespace + " and kubectl describe ksvc " + TodoApp.REMINDERS + " -n "
						+ namespace;
			}
			if (lower.contains("subscriber")) {
				return "its subscriber, the " + TodoApp.REMINDERS + " Knative Service, does not resolve (missing,"
						+ " or without an address until it is Ready): todoctl status -n " + namespace
						+ " and kubectl describe ksvc " + TodoApp.REMINDERS + " -n " + namespace;
			}
			return "kubectl describe " + kind + " " + name + " -n " + namespace;
		}

		static String brokerClass() {
			return "a Broker's class needs its controller (MTChannelBasedBroker comes with Knative Eventing; the"
					+ " Kafka class needs eventing-kafka-broker installed): see the knative-serving chart's"
					+ " eventing.defaultBrokerClass, and kubectl get pods -n knative-eventing";
		}

	}

}
