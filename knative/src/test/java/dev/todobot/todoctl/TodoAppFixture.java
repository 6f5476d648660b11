package dev.todobot.todoctl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.eventing.v1.BrokerBuilder;
import io.fabric8.knative.eventing.v1.TriggerBuilder;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.pkg.apis.ConditionBuilder;
import io.fabric8.knative.serving.v1.Revision;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.sources.v1.PingSourceBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Loads a mock cluster with what Knative and the todo-app chart create: the app's Knative
 * Services with their revisions and pods, its Broker, Triggers and PingSource, the
 * KnativeServing resource, Kourier and the autoscaler config. Faults are injected on top
 * of the healthy state.
 */
public final class TodoAppFixture {

	public static final String NAMESPACE = "todo-app";

	public static final String SERVING = "knative-serving";

	public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	public static final String MEMORY_LIMIT = "512Mi";

	public static final String BROKER = "todo-events";

	public static final String BROKER_URL = "http://broker-ingress.knative-eventing.svc.cluster.local/" + NAMESPACE
			+ "/" + BROKER;

	public static final String REMINDERS_URL = "http://reminders." + NAMESPACE + ".svc.cluster.local";

	private static final ResourceDefinitionContext KNATIVE_SERVING = new ResourceDefinitionContext.Builder()
		.withGroup("operator.knative.dev")
		.withVersion("v1beta1")
		.withKind("KnativeServing")
		.withPlural("knativeservings")
		.withNamespaced(true)
		.build();

	private final KubernetesClient client;

	public TodoAppFixture(KubernetesClient client) {
		this.client = client;
	}

	/**
	 * The app as a fresh install leaves it: five Ready services on their first revision,
	 * all allowed to scale to zero; mcp and reminders are asleep, the others have one pod
	 * each. The Broker, the chart's two Triggers and the PingSource are Ready.
	 * @return this fixture
	 */
	public TodoAppFixture healthy() {
		knativeServing(true);
		kourier(SERVING);
		autoscalerConfig(true);
		service("todo", 0, 5, 1);
		service("mcp", 0, 5, 0);
		service("chat", 0, 5, 1);
		service("web", 0, 3, 1);
		service("reminders", 0, 3, 0);
		broker(ready("True", null, null));
		trigger("reminders-task-completed", "todo.task.completed", "/taskCompleted", ready("True", null, null));
		trigger("reminders-tick", "dev.knative.sources.ping", "/tick", ready("True", null, null));
		pingSource(ready("True", null, null));
		return this;
	}

	/**
	 * The app as installed with eventing.enabled=false: no reminders service, Broker,
	 * Triggers or PingSource.
	 * @return this fixture
	 */
	public TodoAppFixture withoutEventing() {
		knative().services().inNamespace(NAMESPACE).withName("reminders").delete();
		knative().brokers().inNamespace(NAMESPACE).delete();
		knative().triggers().inNamespace(NAMESPACE).delete();
		knative().pingSources().inNamespace(NAMESPACE).delete();
		return this;
	}

	/**
	 * The chart's Broker with the given Ready condition; Ready, it has an address.
	 * @param ready its Ready condition
	 * @return this fixture
	 */
	public TodoAppFixture broker(Condition ready) {
		boolean isReady = "True".equals(ready.getStatus());
		knative().brokers()
			.inNamespace(NAMESPACE)
			.resource(new BrokerBuilder().withNewMetadata()
				.withName(BROKER)
				.addToLabels("app.kubernetes.io/part-of", "todo-app")
				.endMetadata()
				.withNewSpec()
				.endSpec()
				.withNewStatus()
				.withObservedGeneration(1L)
				.withNewAddress()
				.withUrl(isReady ? BROKER_URL : null)
				.endAddress()
				.withConditions(ready)
				.endStatus()
				.build())
			.createOr((existing) -> existing.update());
		return this;
	}

	/**
	 * A Trigger of the chart: a type filter, the reminders service and a path as
	 * subscriber, retries and the dead-letter sink.
	 * @param name the Trigger
	 * @param type the event type it takes
	 * @param path the path on reminders
	 * @param ready its Ready condition
	 * @return this fixture
	 */
	public TodoAppFixture trigger(String name, String type, String path, Condition ready) {
		knative().triggers()
			.inNamespace(NAMESPACE)
			.resource(new TriggerBuilder().withNewMetadata()
				.withName(name)
				.addToLabels("app.kubernetes.io/part-of", "todo-app")
				.endMetadata()
				.withNewSpec()
				.withBroker(BROKER)
				.withNewFilter()
				.addToAttributes("type", type)
				.endFilter()
				.withNewSubscriber()
				.withNewRef()
				.withApiVersion("serving.knative.dev/v1")
				.withKind("Service")
				.withName("reminders")
				.endRef()
				.withUri(path)
				.endSubscriber()
				.withNewDelivery()
				.withRetry(5)
				.withBackoffPolicy("exponential")
				.withBackoffDelay("PT0.5S")
				.withNewDeadLetterSink()
				.withNewRef()
				.withApiVersion("serving.knative.dev/v1")
				.withKind("Service")
				.withName("reminders")
				.endRef()
				.withUri("/deadLetter")
				.endDeadLetterSink()
				.endDelivery()
				.endSpec()
				.withNewStatus()
				.withObservedGeneration(1L)
				.withSubscriberUri("True".equals(ready.getStatus()) ? REMINDERS_URL + path : null)
				.withDeadLetterSinkUri("True".equals(ready.getStatus()) ? REMINDERS_URL + "/deadLetter" : null)
				.withConditions(ready)
				.endStatus()
				.build())
			.createOr((existing) -> existing.update());
		return this;
	}

	/**
	 * The chart's PingSource, every minute into the Broker.
	 * @param ready its Ready condition
	 * @return this fixture
	 */
	public TodoAppFixture pingSource(Condition ready) {
		knative().pingSources()
			.inNamespace(NAMESPACE)
			.resource(new PingSourceBuilder().withNewMetadata()
				.withName("reminders-tick")
				.addToLabels("app.kubernetes.io/part-of", "todo-app")
				.endMetadata()
				.withNewSpec()
				.withSchedule("*/1 * * * *")
				.withNewSink()
				.withNewRef()
				.withApiVersion("eventing.knative.dev/v1")
				.withKind("Broker")
				.withName(BROKER)
				.endRef()
				.endSink()
				.endSpec()
				.withNewStatus()
				.withObservedGeneration(1L)
				.withSinkUri("True".equals(ready.getStatus()) ? BROKER_URL : null)
				.withConditions(ready)
				.endStatus()
				.build())
			.createOr((existing) -> existing.update());
		return this;
	}

	/**
	 * The Warning Event the reminders function records when a Trigger gave up on an event
	 * and sent it to /deadLetter.
	 * @param type the CloudEvent type
	 * @param destination the failing destination (knativeerrordest)
	 * @param code the destination's last answer (knativeerrorcode)
	 * @param ago how long before {@link #NOW} it was last seen
	 * @param count how many dead letters it stands for
	 * @return this fixture
	 */
	public TodoAppFixture deadLetter(String type, String destination, int code, Duration ago, int count) {
		return event("Warning", "Service", "reminders", "DeadLetter",
				"dead letter: " + type + " could not be delivered to " + destination + " (" + code + ")", ago, count);
	}

	/**
	 * A Ready Knative Service on revision 1 with its revision and running pods.
	 * @param name the service
	 * @param minScale its min-scale annotation
	 * @param maxScale its max-scale annotation
	 * @param pods how many pods run now
	 * @return this fixture
	 */
	public TodoAppFixture service(String name, int minScale, int maxScale, int pods) {
		String revision = name + "-00001";
		knative().services()
			.inNamespace(NAMESPACE)
			.resource(new ServiceBuilder().withNewMetadata()
				.withName(name)
				.addToLabels("app.kubernetes.io/part-of", "todo-app")
				.addToLabels("app.kubernetes.io/component", name)
				.endMetadata()
				.withNewSpec()
				.withNewTemplate()
				.withNewMetadata()
				.addToAnnotations("autoscaling.knative.dev/min-scale", String.valueOf(minScale))
				.addToAnnotations("autoscaling.knative.dev/max-scale", String.valueOf(maxScale))
				.addToAnnotations("autoscaling.knative.dev/target", "50")
				.addToAnnotations("autoscaling.knative.dev/scale-down-delay", "0s")
				.endMetadata()
				.withNewSpec()
				.addNewContainer()
				.withImage(image(name))
				.withNewResources()
				.addToLimits("memory", new Quantity(MEMORY_LIMIT))
				.endResources()
				.endContainer()
				.endSpec()
				.endTemplate()
				.endSpec()
				.withNewStatus()
				.withObservedGeneration(1L)
				.withUrl(name.equals("reminders") ? REMINDERS_URL
						: "http://" + name + "." + NAMESPACE + ".127.0.0.1.sslip.io")
				.withLatestCreatedRevisionName(revision)
				.withLatestReadyRevisionName(revision)
				.addNewTraffic()
				.withRevisionName(revision)
				.withLatestRevision(true)
				.withPercent(100L)
				.endTraffic()
				.withConditions(ready("True", null, null), condition("ConfigurationsReady", "True"),
						condition("RoutesReady", "True"))
				.endStatus()
				.build())
			.create();
		revision(name, revision, ready("True", null, null));
		for (int i = 0; i < pods; i++) {
			pod(name, revision, i, running());
		}
		return this;
	}

	public TodoAppFixture revision(String service, String name, Condition ready) {
		knative().revisions()
			.inNamespace(NAMESPACE)
			.resource(new RevisionBuilder().withNewMetadata()
				.withName(name)
				.addToLabels("serving.knative.dev/service", service)
				.addToLabels("serving.knative.dev/configuration", service)
				.endMetadata()
				.withNewSpec()
				.addNewContainer()
				.withImage(image(service))
				.withNewResources()
				.addToLimits("memory", new Quantity(MEMORY_LIMIT))
				.endResources()
				.endContainer()
				.endSpec()
				.withNewStatus()
				.withObservedGeneration(1L)
				.withConditions(ready)
				.endStatus()
				.build())
			.create();
		return this;
	}

	/**
	 * A pod of a revision, with Knative's queue-proxy beside the user container.
	 * @param service the Knative Service
	 * @param revision the revision
	 * @param index tells the pods of a revision apart
	 * @param userContainer the user container's status
	 * @return this fixture
	 */
	public TodoAppFixture pod(String service, String revision, int index, ContainerStatus userContainer) {
		boolean ready = Boolean.TRUE.equals(userContainer.getReady());
		this.client.pods()
			.inNamespace(NAMESPACE)
			.resource(new PodBuilder().withNewMetadata()
				.withName(revision + "-deployment-7d4b9c-" + "abcdefgh".charAt(index) + "x2k")
				.addToLabels("serving.knative.dev/service", service)
				.addToLabels("serving.knative.dev/revision", revision)
				.addToLabels("app.kubernetes.io/part-of", "todo-app")
				.endMetadata()
				.withNewSpec()
				.addNewContainer()
				.withName("user-container")
				.withImage(image(service))
				.withNewResources()
				.addToLimits("memory", new Quantity(MEMORY_LIMIT))
				.endResources()
				.endContainer()
				.addNewContainer()
				.withName("queue-proxy")
				.withImage("gcr.io/knative-releases/knative.dev/serving/cmd/queue")
				.endContainer()
				.endSpec()
				.withNewStatus()
				.withPhase(ready ? "Running" : "Pending")
				.withContainerStatuses(userContainer,
						new ContainerStatusBuilder().withName("queue-proxy")
							.withReady(ready)
							.withNewState()
							.withNewRunning()
							.endRunning()
							.endState()
							.build())
				.endStatus()
				.build())
			.create();
		return this;
	}

	/** A running, ready user container. */
	public static ContainerStatus running() {
		return new ContainerStatusBuilder().withName("user-container")
			.withReady(true)
			.withRestartCount(0)
			.withNewState()
			.withNewRunning()
			.withStartedAt("2025-06-01T11:00:00Z")
			.endRunning()
			.endState()
			.build();
	}

	/**
	 * Revision 2 of a service failed, as Knative reports it: the revision's Ready is
	 * False with the pods' failure, the service is not Ready, and traffic stays on
	 * revision 1.
	 * @param service the service
	 * @param reason the revision's reason, such as ExitCode137
	 * @param message the revision's message
	 * @return this fixture
	 */
	public TodoAppFixture failedRevision(String service, String reason, String message) {
		String revision = service + "-00002";
		revision(service, revision, ready("False", reason, message));
		knative().services().inNamespace(NAMESPACE).withName(service).editStatus((ksvc) -> {
			ksvc.getStatus().setLatestCreatedRevisionName(revision);
			ksvc.getStatus()
				.setConditions(List.of(
						ready("False", "RevisionFailed",
								"Revision \"" + revision + "\" failed with message: " + message + "."),
						condition("ConfigurationsReady", "False"), condition("RoutesReady", "True")));
			return ksvc;
		});
		return this;
	}

	/** A pod of revision 2 whose user container was killed for running out of memory. */
	public TodoAppFixture oomKilled(String service) {
		return pod(service, service + "-00002", 0,
				new ContainerStatusBuilder().withName("user-container")
					.withReady(false)
					.withRestartCount(4)
					.withNewState()
					.withNewWaiting()
					.withReason("CrashLoopBackOff")
					.withMessage("back-off 1m20s restarting failed container")
					.endWaiting()
					.endState()
					.withNewLastState()
					.withNewTerminated()
					.withReason("OOMKilled")
					.withExitCode(137)
					.endTerminated()
					.endLastState()
					.build());
	}

	/** A pod of revision 2 whose image cannot be pulled. */
	public TodoAppFixture imagePullBackOff(String service) {
		return pod(service, service + "-00002", 0,
				new ContainerStatusBuilder().withName("user-container")
					.withImage("registry.example/todo/" + service + ":typo")
					.withReady(false)
					.withRestartCount(0)
					.withNewState()
					.withNewWaiting()
					.withReason("ImagePullBackOff")
					.withMessage("Back-off pulling image \"registry.example/todo/" + service + ":typo\"")
					.endWaiting()
					.endState()
					.build());
	}

	/** A pod of revision 2 whose user container keeps exiting with an error. */
	public TodoAppFixture crashLooping(String service) {
		return pod(service, service + "-00002", 0,
				new ContainerStatusBuilder().withName("user-container")
					.withReady(false)
					.withRestartCount(6)
					.withNewState()
					.withNewWaiting()
					.withReason("CrashLoopBackOff")
					.endWaiting()
					.endState()
					.withNewLastState()
					.withNewTerminated()
					.withReason("Error")
					.withExitCode(1)
					.endTerminated()
					.endLastState()
					.build());
	}

	public TodoAppFixture knativeServing(boolean ready) {
		GenericKubernetesResource serving = new GenericKubernetesResourceBuilder()
			.withApiVersion("operator.knative.dev/v1beta1")
			.withKind("KnativeServing")
			.withNewMetadata()
			.withName("knative-serving")
			.endMetadata()
			.addToAdditionalProperties("spec",
					Map.of("ingress", Map.of("kourier", Map.of("enabled", true)), "config",
							Map.of("network", Map.of("ingress-class", "kourier.ingress.networking.knative.dev"))))
			.addToAdditionalProperties("status",
					Map.of("version", "1.20.0", "conditions",
							List.of(ready ? Map.of("type", "Ready", "status", "True")
									: Map.of("type", "Ready", "status", "False", "reason", "InstallFailed", "message",
											"Install failed with message: webhook not ready"))))
			.build();
		this.client.genericKubernetesResources(KNATIVE_SERVING).inNamespace(SERVING).resource(serving).create();
		return this;
	}

	public TodoAppFixture withoutKnativeServing() {
		this.client.genericKubernetesResources(KNATIVE_SERVING).inNamespace(SERVING).delete();
		return this;
	}

	/**
	 * Kourier's gateway in a namespace (the Operator's layout when it is knative-serving)
	 * and its controller in knative-serving.
	 * @param gatewayNamespace where the gateway runs
	 * @return this fixture
	 */
	public TodoAppFixture kourier(String gatewayNamespace) {
		deployment(gatewayNamespace, "3scale-kourier-gateway", 1);
		deployment(SERVING, "net-kourier-controller", 1);
		return this;
	}

	public TodoAppFixture withoutKourier() {
		this.client.apps().deployments().inNamespace(SERVING).withName("3scale-kourier-gateway").delete();
		this.client.apps().deployments().inNamespace(SERVING).withName("net-kourier-controller").delete();
		return this;
	}

	public TodoAppFixture deployment(String namespace, String name, int available) {
		this.client.apps()
			.deployments()
			.inNamespace(namespace)
			.resource(new DeploymentBuilder().withNewMetadata()
				.withName(name)
				.endMetadata()
				.withNewSpec()
				.withReplicas(1)
				.endSpec()
				.withNewStatus()
				.withReplicas(1)
				.withAvailableReplicas(available)
				.withReadyReplicas(available)
				.endStatus()
				.build())
			.createOr((existing) -> existing.update());
		return this;
	}

	public TodoAppFixture autoscalerConfig(boolean scaleToZero) {
		this.client.configMaps()
			.inNamespace(SERVING)
			.resource(new ConfigMapBuilder().withNewMetadata()
				.withName("config-autoscaler")
				.endMetadata()
				.addToData("enable-scale-to-zero", String.valueOf(scaleToZero))
				.addToData("scale-to-zero-grace-period", "30s")
				.build())
			.createOr((existing) -> existing.update());
		return this;
	}

	/**
	 * An event about an object of the app's namespace.
	 * @param type Warning or Normal
	 * @param kind the object's kind
	 * @param name the object's name
	 * @param reason the event's reason
	 * @param message the event's message
	 * @param ago how long before {@link #NOW} it was last seen
	 * @param count how often it happened
	 * @return this fixture
	 */
	public TodoAppFixture event(String type, String kind, String name, String reason, String message, Duration ago,
			int count) {
		this.client.v1()
			.events()
			.inNamespace(NAMESPACE)
			.resource(new EventBuilder().withNewMetadata()
				.withName(name + "." + Long.toHexString(ago.toNanos() + reason.hashCode()))
				.endMetadata()
				.withType(type)
				.withReason(reason)
				.withMessage(message)
				.withCount(count)
				.withLastTimestamp(NOW.minus(ago).toString())
				.withNewInvolvedObject()
				.withKind(kind)
				.withName(name)
				.withNamespace(NAMESPACE)
				.endInvolvedObject()
				.build())
			.create();
		return this;
	}

	public Service service(String name) {
		return knative().services().inNamespace(NAMESPACE).withName(name).get();
	}

	public Map<String, String> templateAnnotations(String name) {
		return service(name).getSpec().getTemplate().getMetadata().getAnnotations();
	}

	public static Condition ready(String status, String reason, String message) {
		return new ConditionBuilder().withType("Ready")
			.withStatus(status)
			.withReason(reason)
			.withMessage(message)
			.withLastTransitionTime("2025-06-01T11:58:00Z")
			.build();
	}

	private static Condition condition(String type, String status) {
		return new ConditionBuilder().withType(type).withStatus(status).build();
	}

	private static String image(String service) {
		return "registry.example/todo/" + service + ":0.1.0";
	}

	private KnativeClient knative() {
		return this.client.adapt(KnativeClient.class);
	}

}
