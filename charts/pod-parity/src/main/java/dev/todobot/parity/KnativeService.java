package dev.todobot.parity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One Knative Service's revision at scale zero or one: the pod that serves it, made from
 * the rendered template when a request needs one (the activator's part) or when the
 * revision is created ({@code initial-scale}), and deleted on scale to zero. Counts the
 * answers that pass through the gateway by status class.
 */
final class KnativeService {

	private static final long ACTIVATOR_PROBE_MILLIS = 200;

	private final String name;

	private final long timeoutSeconds;

	private final Function<Integer, RunningPod> podFactory;

	private final List<RunningPod> pods = new ArrayList<>();

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong clientErrors = new AtomicLong();

	private final AtomicLong serverErrors = new AtomicLong();

	private final AtomicLong unavailableWithRetryAfter = new AtomicLong();

	private volatile RunningPod pod;

	/** The pod the activator's own probe found healthy, maybe before it is Ready. */
	private volatile RunningPod healthy;

	KnativeService(String name, long timeoutSeconds, Function<Integer, RunningPod> podFactory) {
		this.name = name;
		this.timeoutSeconds = timeoutSeconds;
		this.podFactory = podFactory;
	}

	String name() {
		return this.name;
	}

	long timeoutSeconds() {
		return this.timeoutSeconds;
	}

	/**
	 * Creates a pod if there is none.
	 * @return the current pod
	 */
	synchronized RunningPod scaleToOne() {
		if (this.pod == null) {
			this.pod = this.podFactory.apply(this.pods.size() + 1);
			this.pods.add(this.pod);
		}
		return this.pod;
	}

	/**
	 * What the activator does for a request: a pod, started if needed, that is Ready or
	 * that passes the activator's own probe, waited for up to the revision's timeout.
	 * Knative's activator does not wait for the kubelet's Ready: it probes the pods of
	 * the revision, Ready or not, every {@value #ACTIVATOR_PROBE_MILLIS} ms, and the
	 * queue-proxy answers each probe by running the container's readiness probe once
	 * (knative/serving pkg/activator/net/revision_backends.go, pkg/queue/readiness).
	 * @return the pod, or {@code null} when none became healthy in time
	 */
	RunningPod activate() {
		RunningPod current = this.pod;
		if (current != null && usable(current)) {
			return current;
		}
		current = scaleToOne();
		long deadline = System.nanoTime() + Duration.ofSeconds(this.timeoutSeconds).toNanos();
		while (System.nanoTime() < deadline) {
			if (usable(current)) {
				return current;
			}
			if (current.passesReadinessProbe()) {
				this.healthy = current;
				return current;
			}
			if (current.awaitReady(Duration.ofMillis(ACTIVATOR_PROBE_MILLIS))) {
				return current;
			}
			if (current.restartCount() > 0 || current != this.pod) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Whether the activator sends requests to a pod: Ready, or found healthy by its probe
	 * before the kubelet first said Ready; a pod that was Ready and is no longer is
	 * probed again, as the activator does with a pod that became non-ready.
	 */
	private boolean usable(RunningPod pod) {
		return pod.ready() || (pod == this.healthy && !pod.wasReady());
	}

	/**
	 * A rollout: a new pod is started and, once Ready, takes the traffic; the old one is
	 * then deleted, drained first as Knative drains a pod.
	 * @param grace the termination grace period
	 * @return the old pod, terminated
	 */
	RunningPod rollOver(Duration grace) {
		RunningPod old = this.pod;
		RunningPod next = this.podFactory.apply(this.pods.size() + 1);
		synchronized (this) {
			this.pods.add(next);
		}
		if (!next.awaitReady(Duration.ofSeconds(this.timeoutSeconds))) {
			throw new IllegalStateException("the new pod did not become Ready:\n" + next.describe());
		}
		this.pod = next;
		if (old != null) {
			old.delete(grace);
		}
		return old;
	}

	RunningPod pod() {
		return this.pod;
	}

	/** Every pod the revision had, for restart counts and memory peaks. */
	synchronized List<RunningPod> pods() {
		return List.copyOf(this.pods);
	}

	/**
	 * Scales to zero: the pod is deleted (SIGTERM, grace period, SIGKILL).
	 * @param grace the termination grace period
	 */
	void scaleToZero(Duration grace) {
		RunningPod current;
		synchronized (this) {
			current = this.pod;
			this.pod = null;
		}
		if (current != null) {
			current.delete(grace);
			current.close();
		}
	}

	void recordStatus(int status, boolean retryAfter) {
		if (status >= 500) {
			this.serverErrors.incrementAndGet();
			if (status == 503 && retryAfter) {
				this.unavailableWithRetryAfter.incrementAndGet();
			}
		}
		else if (status >= 400) {
			this.clientErrors.incrementAndGet();
		}
		else {
			this.ok.incrementAndGet();
		}
	}

	long serverErrors() {
		return this.serverErrors.get();
	}

	long unavailableWithRetryAfter() {
		return this.unavailableWithRetryAfter.get();
	}

	int restarts() {
		return pods().stream().mapToInt(RunningPod::restartCount).sum();
	}

}
