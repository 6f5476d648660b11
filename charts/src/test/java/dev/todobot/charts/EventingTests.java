package dev.todobot.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.knative.duck.v1.Destination;
import io.fabric8.knative.duck.v1.KReference;
import io.fabric8.knative.eventing.v1.Broker;
import io.fabric8.knative.eventing.v1.Trigger;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1.PingSource;
import io.fabric8.knative.sources.v1.SinkBinding;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.Test;

import static dev.todobot.charts.Workloads.container;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Knative Eventing resources of todo-app: todo's events reach the reminders function
 * through a Broker and one Trigger per entry of files/subscriptions.yaml, each with
 * retries and a dead-letter sink, and a PingSource ticks it through the same Broker.
 */
class EventingTests {

	private static final Path SUBSCRIPTIONS = Charts.chart(Charts.TODO_APP).resolve("files/subscriptions.yaml");

	private final Manifests manifests = Scenario.DEFAULTS.render();

	@Test
	void rendersOneTriggerPerSubscriptionWithItsFilterAndPath() throws IOException {
		JsonNode subscriptions = subscriptionsFile().get("subscriptions");
		List<Trigger> triggers = this.manifests.all(Trigger.class);
		assertThat(triggers).hasSize(subscriptions.size());
		for (JsonNode subscription : subscriptions) {
			Trigger trigger = this.manifests.get(Trigger.class, "reminders-" + subscription.get("name").asText());
			assertThat(trigger.getSpec().getBroker()).isEqualTo("todo-events");
			Map<String, String> expectedFilter = (subscription.hasNonNull("source"))
					? Map.of("type", subscription.get("type").asText(), "source", subscription.get("source").asText())
					: Map.of("type", subscription.get("type").asText());
			assertThat(trigger.getSpec().getFilter().getAttributes()).as(trigger.getMetadata().getName())
				.isEqualTo(expectedFilter);
			assertRemindersService(trigger.getSpec().getSubscriber(), subscription.get("path").asText());
		}
	}

	@Test
	void routesTheContractsEventTypesToTheirPaths() {
		// the contract of issue 17: what the reminders function takes, and where
		assertThat(this.manifests.all(Trigger.class))
			.extracting((trigger) -> trigger.getSpec().getFilter().getAttributes().get("type") + " -> "
					+ trigger.getSpec().getSubscriber().getUri())
			.contains("todo.task.completed -> /taskCompleted", "dev.knative.sources.ping -> /tick");
	}

	@Test
	void retriesEveryDeliveryWithExponentialBackoffThenDeadLetters() {
		for (Trigger trigger : this.manifests.all(Trigger.class)) {
			var delivery = trigger.getSpec().getDelivery();
			assertThat(delivery).as(trigger.getMetadata().getName()).isNotNull();
			assertThat(delivery.getRetry()).isEqualTo(5);
			assertThat(delivery.getBackoffPolicy()).isEqualTo("exponential");
			assertThat(delivery.getBackoffDelay()).isEqualTo("PT0.5S");
			assertRemindersService(delivery.getDeadLetterSink(), "/deadLetter");
		}
	}

	@Test
	void takesRetriesAndBackoffFromValues() {
		Manifests custom = Charts.template(Charts.TODO_APP,
				Map.of("eventing.delivery.retry", 8, "eventing.delivery.backoffDelay", "PT2S"));
		assertThat(custom.all(Trigger.class)).isNotEmpty().allSatisfy((trigger) -> {
			assertThat(trigger.getSpec().getDelivery().getRetry()).isEqualTo(8);
			assertThat(trigger.getSpec().getDelivery().getBackoffDelay()).isEqualTo("PT2S");
		});
	}

	@Test
	void deliversAsDevstackDoesByDefault() throws IOException {
		// files/subscriptions.yaml may carry the delivery devstack imitates; the chart's
		// defaults must not drift from it
		JsonNode delivery = subscriptionsFile().get("delivery");
		if (delivery == null) {
			return;
		}
		Trigger trigger = this.manifests.all(Trigger.class).get(0);
		assertThat(trigger.getSpec().getDelivery().getRetry()).isEqualTo(delivery.get("retry").asInt());
		assertThat(trigger.getSpec().getDelivery().getBackoffPolicy())
			.isEqualTo(delivery.get("backoffPolicy").asText());
		assertThat(trigger.getSpec().getDelivery().getBackoffDelay()).isEqualTo(delivery.get("backoffDelay").asText());
		assertThat(trigger.getSpec().getDelivery().getDeadLetterSink().getUri())
			.isEqualTo(delivery.get("deadLetterPath").asText());
	}

	@Test
	void rendersTheBrokerOfTheClustersDefaultClass() {
		Broker broker = this.manifests.get(Broker.class, "todo-events");
		assertThat(broker.getApiVersion()).isEqualTo("eventing.knative.dev/v1");
		assertThat(broker.getMetadata().getAnnotations()).as("no eventing.knative.dev/broker.class").isNullOrEmpty();
	}

	@Test
	void namesTheBrokerFromValuesEverywhere() {
		Manifests custom = Charts.template(Charts.TODO_APP, Map.of("eventing.broker.name", "events"));
		assertThat(custom.all(Broker.class)).extracting((broker) -> broker.getMetadata().getName())
			.containsExactly("events");
		assertThat(custom.all(Trigger.class))
			.allSatisfy((trigger) -> assertThat(trigger.getSpec().getBroker()).isEqualTo("events"));
		assertThat(custom.all(PingSource.class).get(0).getSpec().getSink().getRef().getName()).isEqualTo("events");
		assertThat(custom.all(SinkBinding.class).get(0).getSpec().getSink().getRef().getName()).isEqualTo("events");
	}

	@Test
	void ticksEveryMinuteThroughTheBroker() {
		PingSource tick = this.manifests.get(PingSource.class, "reminders-tick");
		assertThat(tick.getApiVersion()).isEqualTo("sources.knative.dev/v1");
		assertThat(tick.getSpec().getSchedule()).isEqualTo("*/1 * * * *");
		assertBroker(tick.getSpec().getSink());
		// its events are of the type a Trigger takes to /tick, with the same delivery
		assertThat(this.manifests.all(Trigger.class))
			.anySatisfy((trigger) -> assertThat(trigger.getSpec().getFilter().getAttributes()).containsEntry("type",
					"dev.knative.sources.ping"));
	}

	@Test
	void bindsTheBrokerAsKSinkOfTodoMcpAndReminders() {
		SinkBinding binding = this.manifests.all(SinkBinding.class).stream().findFirst().orElseThrow();
		assertThat(this.manifests.all(SinkBinding.class)).hasSize(1);
		assertBroker(binding.getSpec().getSink());
		var subject = binding.getSpec().getSubject();
		assertThat(subject.getApiVersion()).isEqualTo("serving.knative.dev/v1");
		assertThat(subject.getKind()).isEqualTo("Service");
		assertThat(subject.getName()).isNull();
		// the subject's selector, evaluated on every rendered Knative Service's labels
		List<LabelSelectorRequirement> requirements = subject.getSelector().getMatchExpressions();
		assertThat(subject.getSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(this.manifests.knativeServices())
			.filteredOn((service) -> requirements.stream().allMatch((requirement) -> selects(requirement, service)))
			.extracting((service) -> service.getMetadata().getName())
			.containsExactlyInAnyOrder("todo", "mcp", "reminders");
	}

	@Test
	void setsNoKSinkOfItsOwn() {
		// the SinkBinding injects K_SINK; a value in the template would fight it
		for (Service service : this.manifests.knativeServices()) {
			assertThat(container(service).getEnv()).extracting(EnvVar::getName)
				.as(service.getMetadata().getName())
				.doesNotContain("K_SINK");
		}
	}

	@Test
	void runsRemindersClusterLocalWithTheDatabaseAndTheKeyTodoCoreNeeds() {
		Service reminders = this.manifests.knativeService("reminders");
		assertThat(reminders.getMetadata().getLabels()).containsEntry("networking.knative.dev/visibility",
				"cluster-local");
		assertThat(container(reminders).getImage()).isEqualTo("reminders:0.1.0");
		assertThat(container(reminders).getEnv()).extracting(EnvVar::getName)
			.containsExactlyInAnyOrder("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "JWT_SECRET");
	}

	@Test
	void letsRemindersRecordEventsAndNothingElse() {
		// the dead-letter route records a Warning Event (reason DeadLetter) for operators
		String account = Workloads.revision(this.manifests.knativeService("reminders")).getServiceAccountName();
		assertThat(account).isEqualTo("todo-app-reminders");
		assertThat(this.manifests.find(ServiceAccount.class, account)).isPresent();
		Role role = this.manifests.get(Role.class, account);
		assertThat(role.getRules()).singleElement().satisfies((PolicyRule rule) -> {
			assertThat(rule.getApiGroups()).containsExactlyInAnyOrder("", "events.k8s.io");
			assertThat(rule.getResources()).containsExactly("events");
			assertThat(rule.getVerbs()).containsExactlyInAnyOrder("create", "patch");
		});
		RoleBinding binding = this.manifests.get(RoleBinding.class, account);
		assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
		assertThat(binding.getRoleRef().getName()).isEqualTo(account);
		assertThat(binding.getSubjects()).singleElement().satisfies((subject) -> {
			assertThat(subject.getKind()).isEqualTo("ServiceAccount");
			assertThat(subject.getName()).isEqualTo(account);
			assertThat(subject.getNamespace()).isEqualTo(Charts.NAMESPACE);
		});
		// the other services keep the namespace's default account
		assertThat(this.manifests.knativeServices())
			.filteredOn((service) -> !service.getMetadata().getName().equals("reminders"))
			.allSatisfy((service) -> assertThat(Workloads.revision(service).getServiceAccountName()).isNull());
	}

	@Test
	void rendersNoEventingAndNoRemindersWhenDisabled() {
		Manifests disabled = Charts.template(Charts.TODO_APP, Map.of("eventing.enabled", false));
		assertThat(disabled.all(Broker.class)).isEmpty();
		assertThat(disabled.all(Trigger.class)).isEmpty();
		assertThat(disabled.all(PingSource.class)).isEmpty();
		assertThat(disabled.all(SinkBinding.class)).isEmpty();
		assertThat(disabled.all(Role.class)).isEmpty();
		assertThat(disabled.names()).noneMatch((name) -> name.contains("reminders") || name.contains("events"));
		assertThat(disabled.knativeServices()).extracting((service) -> service.getMetadata().getName())
			.containsExactlyInAnyOrder("todo", "mcp", "chat", "web");
		assertThat(Charts.notes(Charts.TODO_APP, Map.of("eventing.enabled", false)))
			.contains("todo and mcp have no K_SINK and emit nothing");
	}

	@Test
	void tellsInItsNotesWhereEventsAndDeadLettersAre() {
		assertThat(Charts.notes(Charts.TODO_APP, Map.of())).contains("Broker todo-events")
			.contains("kubectl get broker,trigger,pingsource,sinkbinding -n todo")
			.contains("--field-selector reason=DeadLetter");
	}

	@Test
	void rejectsABackoffDelayThatIsNoIsoDuration() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("eventing.delivery.backoffDelay", "500ms")))
			.contains("- eventing.delivery.backoffDelay: Does not match pattern");
	}

	@Test
	void rejectsANegativeRetry() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("eventing.delivery.retry", -1)))
			.contains("- eventing.delivery.retry: Must be greater than or equal to 0");
	}

	@Test
	void rejectsAScheduleThatIsNoCronLine() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("eventing.tick.schedule", "every minute")))
			.contains("- eventing.tick.schedule: Does not match pattern");
	}

	@Test
	void keepsRemindersClusterLocal() {
		assertThat(Charts.schemaViolations(Charts.TODO_APP, Map.of("reminders.visibility", "external")))
			.contains("- reminders.visibility: reminders.visibility must be one of the following");
	}

	private static boolean selects(LabelSelectorRequirement requirement, Service service) {
		String value = service.getMetadata().getLabels().get(requirement.getKey());
		return switch (requirement.getOperator()) {
			case "In" -> requirement.getValues().contains(value);
			case "NotIn" -> !requirement.getValues().contains(value);
			case "Exists" -> value != null;
			case "DoesNotExist" -> value == null;
			default -> throw new AssertionError("unknown operator " + requirement.getOperator());
		};
	}

	private static void assertRemindersService(Destination destination, String path) {
		KReference ref = destination.getRef();
		assertThat(ref.getApiVersion()).isEqualTo("serving.knative.dev/v1");
		assertThat(ref.getKind()).isEqualTo("Service");
		assertThat(ref.getName()).isEqualTo("reminders");
		assertThat(destination.getUri()).isEqualTo(path);
	}

	private static void assertBroker(Destination destination) {
		KReference ref = destination.getRef();
		assertThat(ref.getApiVersion()).isEqualTo("eventing.knative.dev/v1");
		assertThat(ref.getKind()).isEqualTo("Broker");
		assertThat(ref.getName()).isEqualTo("todo-events");
		assertThat(destination.getUri()).isNull();
	}

	private static JsonNode subscriptionsFile() throws IOException {
		return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SUBSCRIPTIONS));
	}

}
