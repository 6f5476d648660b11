package dev.todobot.todoctl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays Knative Serving's part in the mock cluster, which does not reconcile anything
 * itself: when a service's generation moves past what its status observed, it first
 * reports the new revision as deploying (Ready Unknown), then creates the revision and
 * its pods and reports it Ready, or failed.
 */
public final class FakeServingController implements AutoCloseable {

	private final KubernetesClient client;

	private final boolean revisionsFail;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	private FakeServingController(KubernetesClient client, boolean revisionsFail) {
		this.client = client;
		this.revisionsFail = revisionsFail;
	}

	/** Starts a controller whose new revisions become Ready. */
	public static FakeServingController readying(KubernetesClient client) {
		return new FakeServingController(client, false).start();
	}

	/**
	 * Starts a controller whose new revisions fail, their container killed for memory.
	 */
	public static FakeServingController failing(KubernetesClient client) {
		return new FakeServingController(client, true).start();
	}

	private FakeServingController start() {
		this.executor.scheduleWithFixedDelay(this::reconcileAll, 0, 20, TimeUnit.MILLISECONDS);
		return this;
	}

	private void reconcileAll() {
		try {
			knative().services().inNamespace(TodoAppFixture.NAMESPACE).list().getItems().forEach(this::reconcile);
		}
		catch (RuntimeException ex) {
			this.failure.compareAndSet(null, ex);
		}
	}

	private void reconcile(Service service) {
		String name = service.getMetadata().getName();
		long generation = service.getMetadata().getGeneration();
		long observed = service.getStatus().getObservedGeneration();
		String revision = String.format("%s-%05d", name, generation);
		if (generation > observed) {
			knative().services().inNamespace(TodoAppFixture.NAMESPACE).withName(name).editStatus((ksvc) -> {
				ksvc.getStatus().setObservedGeneration(generation);
				ksvc.getStatus().setLatestCreatedRevisionName(revision);
				ksvc.getStatus()
					.setConditions(List.of(TodoAppFixture.ready("Unknown", "RevisionMissing",
							"Configuration \"" + name + "\" is waiting for a Revision to become ready.")));
				return ksvc;
			});
		}
		else if ("Unknown".equals(service.getStatus().getConditions().get(0).getStatus())) {
			rollOut(service, revision);
		}
	}

	private void rollOut(Service service, String revision) {
		String name = service.getMetadata().getName();
		TodoAppFixture fixture = new TodoAppFixture(this.client);
		if (this.revisionsFail) {
			String message = "Container failed with: OOMKilled";
			fixture.revision(name, revision, TodoAppFixture.ready("False", "ExitCode137", message));
			knative().services().inNamespace(TodoAppFixture.NAMESPACE).withName(name).editStatus((ksvc) -> {
				ksvc.getStatus()
					.setConditions(List.of(TodoAppFixture.ready("False", "RevisionFailed",
							"Revision \"" + revision + "\" failed with message: " + message + ".")));
				return ksvc;
			});
			return;
		}
		fixture.revision(name, revision, TodoAppFixture.ready("True", null, null));
		// the old revision's pods go once the new one takes the traffic
		this.client.pods()
			.inNamespace(TodoAppFixture.NAMESPACE)
			.withLabel("serving.knative.dev/service", name)
			.delete();
		Map<String, String> annotations = service.getSpec().getTemplate().getMetadata().getAnnotations();
		int pods = Math.max(Integer.parseInt(annotations.getOrDefault("autoscaling.knative.dev/min-scale", "0")), 1);
		for (int i = 0; i < pods; i++) {
			fixture.pod(name, revision, i, TodoAppFixture.running());
		}
		knative().services().inNamespace(TodoAppFixture.NAMESPACE).withName(name).editStatus((ksvc) -> {
			ksvc.getStatus().setLatestReadyRevisionName(revision);
			ksvc.getStatus()
				.setTraffic(List.of(new TrafficTargetBuilder().withRevisionName(revision)
					.withLatestRevision(true)
					.withPercent(100L)
					.build()));
			ksvc.getStatus().setConditions(List.of(TodoAppFixture.ready("True", null, null)));
			return ksvc;
		});
	}

	private KnativeClient knative() {
		return this.client.adapt(KnativeClient.class);
	}

	@Override
	public void close() throws InterruptedException {
		// lets a reconciliation in flight finish: interrupting it would fail its request
		this.executor.shutdown();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
		if (this.failure.get() != null) {
			throw new IllegalStateException("The fake Knative controller failed", this.failure.get());
		}
	}

}
