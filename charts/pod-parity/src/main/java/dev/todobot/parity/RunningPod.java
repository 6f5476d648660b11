package dev.todobot.parity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * One pod, run as the kubelet runs it: its own cgroup (the container's limits), network
 * namespace and sandbox; the container restarted under restartPolicy Always with the
 * kubelet's back-off and counted in {@link #restartCount()}; its startup, readiness and
 * liveness probes run with the rendered timings; SIGTERM and, after the grace period,
 * SIGKILL when it is deleted. The container's output goes through a pipe to a log file,
 * as the container runtime's does, so that it is not charged to the pod's memory.
 */
final class RunningPod implements AutoCloseable {

	private static final HttpClient PROBE_CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private static final int LOG_TAIL = 80;

	/**
	 * How long the pod must have had no request before it gets SIGTERM. Knative's
	 * queue-proxy waits 30 s ({@code drainSleepDuration}) so that every load balancer has
	 * dropped the pod; the runner's gateway drops it at once, so one second covers a
	 * request that chose the pod just before.
	 */
	private static final Duration DRAIN_QUIET_PERIOD = Duration.ofSeconds(1);

	private final PodTemplate template;

	private final Cgroup cgroup;

	private final PodNetwork.Attachment network;

	private final Path directory;

	private final Path log;

	private final String dnsSearch;

	private final List<String> events = new ArrayList<>();

	private final Deque<String> tail = new ArrayDeque<>();

	private final long createdNanos = System.nanoTime();

	private final PodNetwork podNetwork;

	private final AtomicInteger requestsInFlight = new AtomicInteger();

	private volatile long lastRequestNanos = System.nanoTime();

	private volatile Process process;

	private volatile boolean ready;

	private volatile boolean deleting;

	private volatile int restartCount;

	private volatile long startedNanos;

	private volatile long readyNanos = -1;

	private volatile String state = "Waiting: ContainerCreating";

	private volatile String lastState = "";

	private volatile Integer exitCode;

	private long oomKillsSeen;

	private RunningPod(PodTemplate template, Cgroup cgroup, PodNetwork podNetwork, PodNetwork.Attachment network,
			Path directory, String dnsSearch) {
		this.template = template;
		this.cgroup = cgroup;
		this.podNetwork = podNetwork;
		this.network = network;
		this.directory = directory;
		this.log = directory.resolve("container.log");
		this.dnsSearch = dnsSearch;
	}

	/**
	 * Creates the pod's sandbox and starts its container.
	 * @param template what to run
	 * @param network the pod network
	 * @param directory where the pod's volumes and log go (made empty)
	 * @param namespace the release namespace, for the DNS search path
	 * @return the pod, its container starting
	 */
	static RunningPod start(PodTemplate template, PodNetwork network, Path directory, String namespace) {
		ImageBuilder.deleteRecursively(directory);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Cgroup cgroup = Cgroup.create(template.name(), template.container().getResources());
		PodNetwork.Attachment attachment = network.attach(template.name());
		String search = namespace + ".svc.cluster.local svc.cluster.local cluster.local";
		RunningPod pod = new RunningPod(template, cgroup, network, attachment, directory, search);
		pod.launch();
		Thread.ofVirtual().name(template.name() + "-probes").start(pod::probe);
		return pod;
	}

	String name() {
		return this.template.name();
	}

	String address() {
		return this.network.address();
	}

	int port() {
		return this.template.containerPort();
	}

	boolean ready() {
		return this.ready;
	}

	int restartCount() {
		return this.restartCount;
	}

	/**
	 * Whether the kubelet has reported the pod Ready at least once.
	 * @return {@code true} after the first Ready
	 */
	boolean wasReady() {
		return this.readyNanos >= 0;
	}

	/**
	 * Runs the container's readiness probe once, as the queue-proxy does when the
	 * activator probes the pod.
	 * @return whether the container is running and the probe passed
	 */
	boolean passesReadinessProbe() {
		if (this.process == null || !this.process.isAlive() || this.deleting) {
			return false;
		}
		Probe readiness = this.template.container().getReadinessProbe();
		return readiness == null || httpGet(readiness) == null;
	}

	Cgroup cgroup() {
		return this.cgroup;
	}

	Path log() {
		return this.log;
	}

	/**
	 * Time from the pod's creation to its first Ready.
	 * @return the time, or {@code null} when it has not been Ready
	 */
	Duration timeToReady() {
		return (this.readyNanos < 0) ? null : Duration.ofNanos(this.readyNanos - this.createdNanos);
	}

	long createdNanos() {
		return this.createdNanos;
	}

	private synchronized void launch() {
		if (this.template.runAsNonRoot() && this.template.user().startsWith("0:")) {
			this.state = "Waiting: CreateContainerConfigError";
			event("Warning", "Failed", "Error: container has runAsNonRoot and image will run as root");
			return;
		}
		Sandbox sandbox = new Sandbox().hostname(this.template.name())
			.networkNamespace(this.network.namespacePath())
			.readOnlyRoot(this.template.readOnlyRootFilesystem())
			.user(this.template.user())
			.workingDirectory((this.template.container().getWorkingDir() != null)
					? this.template.container().getWorkingDir() : this.template.image().workingDirectory());
		for (Image.Layer layer : this.template.image().layers()) {
			sandbox.mount(layer.source(), layer.target(), false);
		}
		sandbox.mount(write("resolv.conf",
				"search " + this.dnsSearch + "\nnameserver " + PodNetwork.SERVICES_ADDRESS + "\noptions ndots:5\n"),
				"/etc/resolv.conf", false);
		sandbox.mount(
				write("hosts", "127.0.0.1\tlocalhost\n" + this.network.address() + "\t" + this.template.name() + "\n"),
				"/etc/hosts", false);
		for (VolumeMount mount : mounts()) {
			sandbox.mount(volume(mount.getName()), mount.getMountPath(), !Boolean.TRUE.equals(mount.getReadOnly()));
		}
		Map<String, String> environment = new LinkedHashMap<>(this.template.image().environment());
		environment.put("HOSTNAME", this.template.name());
		environment.putIfAbsent("HOME", "/");
		environment.putAll(this.template.environment());
		sandbox.environment(environment);
		// as runc does (fixStdioPermissions): the container's user owns its stdio pipes,
		// so
		// that it can open /dev/stdout
		String stdio = "chown " + this.template.user() + " /proc/$$/fd/1 /proc/$$/fd/2";
		List<String> command = new ArrayList<>(
				List.of("/bin/sh", "-c", this.cgroup.enterCommand() + " && " + stdio + " && exec \"$@\"", "sh"));
		command.addAll(sandbox.command(this.template.process()));
		try {
			this.oomKillsSeen = this.cgroup.oomKills();
			this.exitCode = null;
			this.startedNanos = System.nanoTime();
			this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
			this.process.getOutputStream().close();
			this.state = "Running, started " + Instant.now();
			event("Normal", "Started", "Started container " + this.template.container().getName());
			Process started = this.process;
			Thread.ofPlatform().daemon().name(name() + "-log").start(() -> pump(started));
			Thread.ofVirtual().name(name() + "-wait").start(() -> watch(started));
		}
		catch (IOException ex) {
			this.state = "Waiting: RunContainerError";
			event("Warning", "Failed", ex.getMessage());
		}
	}

	private List<VolumeMount> mounts() {
		return (this.template.container().getVolumeMounts() != null) ? this.template.container().getVolumeMounts()
				: List.of();
	}

	/**
	 * An emptyDir: a fresh directory on the node's disk, writable by any uid, as the
	 * kubelet makes it.
	 */
	private Path volume(String name) {
		Volume volume = this.template.volumes()
			.stream()
			.filter((candidate) -> name.equals(candidate.getName()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(name() + " mounts volume " + name + ", which the pod lacks"));
		if (volume.getEmptyDir() == null) {
			throw new IllegalStateException(name() + ": only emptyDir volumes are supported, not " + volume);
		}
		Path directory = this.directory.resolve("volumes").resolve(name);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Shell.run("chmod", "0777", directory.toString());
		return directory;
	}

	private Path write(String file, String text) {
		Path path = this.directory.resolve(file);
		try {
			Files.writeString(path, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return path;
	}

	private void pump(Process process) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer writer = Files.newBufferedWriter(this.log, StandardCharsets.UTF_8,
						java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
			String line;
			while ((line = reader.readLine()) != null) {
				writer.write(line);
				writer.write('\n');
				writer.flush();
				synchronized (this.tail) {
					this.tail.addLast(line);
					if (this.tail.size() > LOG_TAIL) {
						this.tail.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			// the container is gone
		}
	}

	private void watch(Process process) {
		int code;
		try {
			code = process.waitFor();
		}
		catch (InterruptedException ex) {
			return;
		}
		this.ready = false;
		this.cgroup.killAll();
		long oomKills = this.cgroup.oomKills();
		String reason = (oomKills > this.oomKillsSeen) ? "OOMKilled" : ((code == 0) ? "Completed" : "Error");
		this.exitCode = code;
		this.lastState = "Terminated: " + reason + " (exit code " + code + ") at " + Instant.now();
		this.state = this.lastState;
		if (this.deleting) {
			return;
		}
		event((code == 0) ? "Normal" : "Warning", reason, "container exited with code " + code);
		if ("Always".equals(this.template.restartPolicy())
				|| ("OnFailure".equals(this.template.restartPolicy()) && code != 0)) {
			this.restartCount++;
			long backoff = Math.min(300, 10L << Math.min(5, this.restartCount - 1));
			event("Warning", "BackOff", "Back-off " + backoff + "s restarting failed container");
			this.state = "Waiting: CrashLoopBackOff";
			sleep(Duration.ofSeconds(backoff));
			if (!this.deleting) {
				launch();
			}
		}
	}

	/**
	 * Waits for the container to exit (a Job's pod).
	 * @param timeout how long at most
	 * @return its exit code, or {@code null} when it is still running
	 */
	Integer awaitExit(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && this.exitCode == null) {
			sleep(Duration.ofMillis(50));
		}
		return this.exitCode;
	}

	/**
	 * Waits until the pod is Ready, the way {@code kubectl wait --for=condition=Ready}
	 * does.
	 * @param timeout how long at most
	 * @return whether it is Ready
	 */
	boolean awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && !this.ready && !this.deleting) {
			if (this.exitCode != null && !"Always".equals(this.template.restartPolicy())) {
				return false;
			}
			if (this.restartCount > 0) {
				// CrashLoopBackOff: kubectl wait would time out; say so now
				return false;
			}
			sleep(Duration.ofMillis(5));
		}
		return this.ready;
	}

	/** The probes, as the kubelet's prober workers run them. */
	private void probe() {
		var container = this.template.container();
		Probe startup = container.getStartupProbe();
		Probe readiness = container.getReadinessProbe();
		Probe liveness = container.getLivenessProbe();
		if (readiness == null) {
			// no readiness probe: Ready once running
			while (!this.deleting) {
				this.ready = this.process != null && this.process.isAlive();
				if (this.ready && this.readyNanos < 0) {
					this.readyNanos = System.nanoTime();
				}
				sleep(Duration.ofMillis(100));
			}
			return;
		}
		Thread.ofVirtual().start(() -> probeLoop("Readiness", readiness, startup));
		if (liveness != null) {
			Thread.ofVirtual().start(() -> probeLoop("Liveness", liveness, startup));
		}
	}

	private void probeLoop(String kind, Probe probe, Probe startup) {
		long seenStart = -1;
		int successes = 0;
		int failures = 0;
		long nextProbe = 0;
		boolean started = startup == null;
		while (!this.deleting) {
			long containerStart = this.startedNanos;
			if (containerStart != seenStart) {
				// a new container: counters and delays start over
				seenStart = containerStart;
				successes = 0;
				failures = 0;
				started = startup == null;
				if (!started) {
					started = awaitStartup(startup, containerStart);
					if (!started) {
						continue;
					}
				}
				nextProbe = containerStart + Duration.ofSeconds(value(probe.getInitialDelaySeconds(), 0)).toNanos();
			}
			if (System.nanoTime() < nextProbe || this.process == null || !this.process.isAlive()) {
				sleep(Duration.ofMillis(5));
				continue;
			}
			nextProbe = System.nanoTime() + Duration.ofSeconds(value(probe.getPeriodSeconds(), 10)).toNanos();
			String failure = httpGet(probe);
			if (failure == null) {
				failures = 0;
				successes++;
				if (kind.equals("Readiness") && successes >= value(probe.getSuccessThreshold(), 1) && !this.ready) {
					this.ready = true;
					if (this.readyNanos < 0) {
						this.readyNanos = System.nanoTime();
					}
				}
			}
			else {
				successes = 0;
				failures++;
				event("Warning", "Unhealthy", kind + " probe failed: " + failure);
				if (failures >= value(probe.getFailureThreshold(), 3)) {
					if (kind.equals("Readiness")) {
						this.ready = false;
					}
					else if (this.process != null && this.process.isAlive()) {
						event("Normal", "Killing", "Container failed liveness probe, will be restarted");
						failures = 0;
						stopContainer(this.template.terminationGraceSeconds());
					}
				}
			}
		}
	}

	private boolean awaitStartup(Probe startup, long containerStart) {
		sleep(Duration.ofSeconds(value(startup.getInitialDelaySeconds(), 0)));
		int failures = 0;
		while (!this.deleting && this.startedNanos == containerStart) {
			String failure = httpGet(startup);
			if (failure == null) {
				return true;
			}
			event("Warning", "Unhealthy", "Startup probe failed: " + failure);
			if (++failures >= value(startup.getFailureThreshold(), 3)) {
				stopContainer(this.template.terminationGraceSeconds());
				return false;
			}
			sleep(Duration.ofSeconds(value(startup.getPeriodSeconds(), 10)));
		}
		return false;
	}

	/** One HTTP probe: null when it passed (2xx or 3xx), else why it failed. */
	private String httpGet(Probe probe) {
		var get = probe.getHttpGet();
		if (get == null) {
			return "only httpGet probes are run here";
		}
		int port = (get.getPort() == null || get.getPort().getIntVal() == null) ? port() : get.getPort().getIntVal();
		String url = "http://" + address() + ":" + port + ((get.getPath() != null) ? get.getPath() : "/");
		try {
			HttpResponse<Void> response = PROBE_CLIENT.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(value(probe.getTimeoutSeconds(), 1)))
				.header("User-Agent", "kube-probe/1.33")
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
			return (response.statusCode() >= 200 && response.statusCode() < 400) ? null
					: "HTTP probe failed with statuscode: " + response.statusCode();
		}
		catch (IOException ex) {
			return "Get \"" + url + "\": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static int value(Integer value, int otherwise) {
		return (value != null) ? value : otherwise;
	}

	/**
	 * The container's main process on the node: the process bubblewrap started in the
	 * sandbox (PID 2 there, after bubblewrap's own init), which gets SIGTERM as a
	 * container's main process does.
	 * @return its handle, if running
	 */
	java.util.Optional<ProcessHandle> mainProcess() {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return java.util.Optional.empty();
		}
		return current.toHandle()
			.descendants()
			.filter((handle) -> handle.info().command().map((command) -> !command.endsWith("bwrap")).orElse(false))
			.findFirst();
	}

	/**
	 * The names of the main process's threads, as {@code ps -T} in the container shows
	 * them (the kernel keeps 15 characters of each).
	 * @return the names, none when the container is not running
	 */
	List<String> threadNames() {
		return mainProcess().map((handle) -> {
			try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(handle.pid()), "task"))) {
				return tasks.map((task) -> task.resolve("comm")).flatMap(RunningPod::firstLine).toList();
			}
			catch (IOException ex) {
				return List.<String>of();
			}
		}).orElse(List.of());
	}

	private static Stream<String> firstLine(Path file) {
		try {
			return Files.readAllLines(file).stream().limit(1);
		}
		catch (IOException ex) {
			// the thread ended since the listing
			return Stream.empty();
		}
	}

	/**
	 * SIGTERM to the main process; SIGKILL to the container's cgroup after the grace
	 * period.
	 */
	private void stopContainer(long graceSeconds) {
		Process current = this.process;
		if (current == null) {
			return;
		}
		mainProcess().ifPresent(ProcessHandle::destroy);
		try {
			if (!current.waitFor(graceSeconds, TimeUnit.SECONDS)) {
				this.cgroup.killAll();
				current.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The gateway passes a request to the pod, as Knative's queue-proxy counts it. */
	void requestStarted() {
		this.lastRequestNanos = System.nanoTime();
		this.requestsInFlight.incrementAndGet();
	}

	void requestFinished() {
		this.requestsInFlight.decrementAndGet();
		this.lastRequestNanos = System.nanoTime();
	}

	/**
	 * Deletes the pod as Knative does: not Ready at once (no new requests, as it leaves
	 * the endpoints), then the user container's preStop hook ({@code /wait-for-drain})
	 * waits for the queue-proxy's drain, until no request has been in flight for
	 * {@link #DRAIN_QUIET_PERIOD}; then SIGTERM, and SIGKILL after the grace period,
	 * which the drain counts against as the kubelet does.
	 * @param grace the grace period
	 */
	void delete(Duration grace) {
		this.deleting = true;
		this.ready = false;
		long deadline = System.nanoTime() + grace.toNanos();
		long quiet = DRAIN_QUIET_PERIOD.toNanos();
		while (System.nanoTime() < deadline
				&& (this.requestsInFlight.get() > 0 || System.nanoTime() - this.lastRequestNanos < quiet)) {
			sleep(Duration.ofMillis(50));
		}
		stopContainer(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
	}

	/**
	 * The pod as {@code kubectl describe pod} shows it: state, readiness, restarts, the
	 * last termination, the events and the container's last log lines.
	 * @return the description
	 */
	String describe() {
		StringBuilder text = new StringBuilder();
		text.append("Name:           ").append(name()).append('\n');
		text.append("IP:             ").append(address()).append('\n');
		text.append("State:          ").append(this.state).append('\n');
		if (!this.lastState.isEmpty()) {
			text.append("Last State:     ").append(this.lastState).append('\n');
		}
		text.append("Ready:          ").append(this.ready ? "True" : "False").append('\n');
		text.append("Restart Count:  ").append(this.restartCount).append('\n');
		text.append("Limits:         ").append(this.template.container().getResources().getLimits()).append('\n');
		text.append("Events:\n");
		synchronized (this.events) {
			this.events.stream()
				.skip(Math.max(0, this.events.size() - 15))
				.forEach((event) -> text.append("  ").append(event).append('\n'));
		}
		text.append("Logs (last lines):\n");
		synchronized (this.tail) {
			this.tail.stream()
				.skip(Math.max(0, this.tail.size() - 25))
				.forEach((line) -> text.append("  ").append(line).append('\n'));
		}
		return text.toString();
	}

	List<String> logTail() {
		synchronized (this.tail) {
			return List.copyOf(this.tail);
		}
	}

	private void event(String type, String reason, String message) {
		synchronized (this.events) {
			this.events.add(String.format("%-7s %-10s %s", type, reason, message));
		}
	}

	@Override
	public void close() {
		if (!this.deleting) {
			delete(Duration.ofSeconds(this.template.terminationGraceSeconds()));
		}
		this.cgroup.close();
		this.podNetwork.detach(this.network);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
