package dev.todobot.parity;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The pod-parity runner: installs todo-app as rendered by real Helm onto this machine and
 * runs every container the way the kubelet would (see the module's README). One instance
 * is one release: the pod network, the cluster DNS, the gateway (Kourier and the
 * activator), the PostgreSQL that stands for the in-cluster one or Neon, the migration
 * Job and the Knative Services (reminders too, once its module is in the repository).
 */
public final class PodParity implements AutoCloseable {

	static final String RELEASE = "todo-app";

	static final String NAMESPACE = "todo";

	static final List<String> FUNCTIONS = List.of("todo", "mcp", "chat");

	static final List<String> SERVICES = List.of("todo", "mcp", "chat", "web");

	/**
	 * The function that takes the Broker's events, which the chart deploys with
	 * eventing.enabled. It runs here when the chart renders it and its module is in the
	 * repository (it came on its own branch, after the chart's Knative Service).
	 */
	static final String REMINDERS = "reminders";

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final Options options;

	private final RenderedChart chart;

	private final Map<String, Image> images;

	private final Path work;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final Map<String, KnativeService> services = new LinkedHashMap<>();

	private PodNetwork network;

	private Database database;

	private Gateway gateway;

	private DatabaseCoordinates databaseCoordinates;

	private JobResult migration;

	private PodParity(Options options, RenderedChart chart, Map<String, Image> images) {
		this.options = options;
		this.chart = chart;
		this.images = images;
		this.work = options.work();
	}

	/**
	 * Renders the chart, builds the images, starts the cluster's stand-ins, runs the
	 * migration Job and creates the Knative Services (each with its initial-scale pod).
	 * @param options what to install
	 * @return the running release
	 */
	public static PodParity install(Options options) {
		requireTools();
		RenderedChart chart = RenderedChart.render(options.repository().resolve("charts/todo-app"), RELEASE, NAMESPACE,
				options.valuesFiles(), options.work());
		ImageBuilder builder = new ImageBuilder(options.repository(), options.work().resolve("images"));
		Map<String, Image> images = new LinkedHashMap<>();
		for (String function : functions(options, chart)) {
			images.put(function, builder.function(function));
		}
		images.put("web", builder.web());
		PodParity parity = new PodParity(options, chart, images);
		try {
			parity.start();
		}
		catch (RuntimeException ex) {
			parity.close();
			throw ex;
		}
		return parity;
	}

	/**
	 * The functions to run: todo, mcp and chat, and reminders when the chart renders it
	 * and its module is in the repository.
	 */
	private static List<String> functions(Options options, RenderedChart chart) {
		List<String> functions = new ArrayList<>(FUNCTIONS);
		if (chart.find(Service.class, REMINDERS).isPresent()
				&& Files.isRegularFile(options.repository().resolve("functions/" + REMINDERS + "/pom.xml"))) {
			functions.add(REMINDERS);
		}
		return functions;
	}

	/**
	 * The Knative Services this release runs: {@link #SERVICES}, and reminders when it
	 * runs too.
	 * @return their names, in the order they start
	 */
	public List<String> services() {
		return List.copyOf(this.services.keySet());
	}

	static void requireTools() {
		if (!"root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("The pod-parity runner makes cgroups, network namespaces and containers "
					+ "of other users, as the kubelet does, so it needs root: run the build as root (CI does), "
					+ "or leave the runner out with -Dpod-parity.skip=true");
		}
		Shell.require(Sandbox.BWRAP, "bubblewrap");
		Shell.require("/usr/sbin/nginx", "nginx-light");
		Shell.require("/usr/bin/envsubst", "gettext-base");
		Shell.require("/usr/bin/curl", "curl");
		Shell.require(Sandbox.SETPRIV, "util-linux");
		Shell.require("/usr/bin/nsenter", "util-linux");
		Shell.require("/usr/sbin/ip", "iproute2");
	}

	private void start() {
		this.network = PodNetwork.create();
		this.resources.add(this.network);
		ClusterDns dns = ClusterDns.start(PodNetwork.SERVICES_ADDRESS);
		this.resources.add(dns);
		this.database = Database.start(this.work.resolve("postgresql"), PodNetwork.SERVICES_ADDRESS);
		this.resources.add(this.database);
		this.gateway = Gateway.start(PodNetwork.SERVICES_ADDRESS);
		this.resources.add(this.gateway);
		dns.put("kube-dns.kube-system.svc.cluster.local", PodNetwork.SERVICES_ADDRESS);
		this.databaseCoordinates = provisionDatabase();
		dns.put(this.databaseCoordinates.host(), PodNetwork.SERVICES_ADDRESS);
		String domain = "127.0.0.1.sslip.io";
		List<String> names = new ArrayList<>(SERVICES);
		if (this.images.containsKey(REMINDERS)) {
			names.add(REMINDERS);
		}
		for (String name : names) {
			Service service = this.chart.knativeService(name);
			long timeout = Optional.ofNullable(service.getSpec().getTemplate().getSpec().getTimeoutSeconds())
				.orElse(300L);
			KnativeService revision = new KnativeService(name, timeout,
					(ordinal) -> startPod(servicePod(service, ordinal)));
			this.services.put(name, revision);
			String clusterHost = name + "." + NAMESPACE + ".svc.cluster.local";
			dns.put(clusterHost, PodNetwork.SERVICES_ADDRESS);
			this.gateway.route(clusterHost, revision);
			this.gateway.route(name + "." + NAMESPACE + ".svc", revision);
			this.gateway.route(name + "." + NAMESPACE + "." + domain, revision);
		}
		// post-install hook: the Job runs once the release's resources exist
		this.migration = this.chart.migrationJob().map(this::runJob).orElse(null);
		if (this.options.initialScale()) {
			for (KnativeService service : this.services.values()) {
				service.scaleToOne();
			}
		}
	}

	/**
	 * Makes the role and database the rendered Secrets and ConfigMap name, and returns
	 * where the pods look for it.
	 */
	private DatabaseCoordinates provisionDatabase() {
		String config = RELEASE + "-config";
		Optional<String> host = this.chart.configMapValue(config, "DB_HOST");
		DatabaseCoordinates coordinates;
		if (host.isPresent()) {
			String user = this.chart.configMapValue(config, "DB_USER").orElseThrow();
			String name = this.chart.configMapValue(config, "DB_NAME").orElseThrow();
			String password = this.chart.secretValue(RELEASE + "-postgresql", "password").orElseThrow();
			coordinates = new DatabaseCoordinates(host.get(), user, password, name, "in-cluster PostgreSQL");
		}
		else {
			String url = this.chart.secretValue(RELEASE + "-database", "DATABASE_URL")
				.orElseThrow(() -> new IllegalStateException("the chart renders neither DB_HOST nor DATABASE_URL"));
			URI uri = URI.create(url.replaceFirst("^jdbc:", "").replaceFirst("^postgres(ql)?://", "postgresql://"));
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			if (uri.getPort() != -1 && uri.getPort() != Database.SERVICE_PORT) {
				throw new IllegalStateException("the database URL's port must be 5432 here, not " + uri.getPort());
			}
			coordinates = new DatabaseCoordinates(uri.getHost(), decode(userInfo[0]), decode(userInfo[1]),
					uri.getPath().substring(1), "external database (" + uri.getHost() + ")");
			if (url.contains("sslmode=require") || url.contains("sslmode=verify")) {
				this.database.enableSsl(uri.getHost());
			}
		}
		this.database.createUserAndDatabase(coordinates.user(), coordinates.password(), coordinates.database());
		return coordinates;
	}

	private static String decode(String text) {
		return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private PodTemplate servicePod(Service service, int ordinal) {
		String name = service.getMetadata().getName();
		var revision = service.getSpec().getTemplate().getSpec();
		Container container = revision.getContainers().get(0);
		Map<String, String> environment = resolveEnvironment(container);
		int port = (container.getPorts() == null || container.getPorts().isEmpty()) ? 8080
				: container.getPorts().get(0).getContainerPort();
		// what Knative sets in every revision's container
		environment.put("PORT", Integer.toString(port));
		environment.put("K_SERVICE", name);
		environment.put("K_CONFIGURATION", name);
		environment.put("K_REVISION", name + "-00001");
		long grace = Optional.ofNullable(revision.getTimeoutSeconds()).orElse(300L);
		return new PodTemplate(String.format("%s-00001-deployment-%d", name, ordinal), container,
				Optional.ofNullable(revision.getVolumes()).orElse(List.of()), null, "Always", this.images.get(name),
				environment, grace);
	}

	private RunningPod startPod(PodTemplate template) {
		return RunningPod.start(template, this.network, this.work.resolve("pods").resolve(template.name()), NAMESPACE);
	}

	/**
	 * The container's environment with valueFrom resolved from the rendered ConfigMap and
	 * Secrets.
	 */
	private Map<String, String> resolveEnvironment(Container container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
			String value;
			if (variable.getValueFrom() == null) {
				value = (variable.getValue() != null) ? variable.getValue() : "";
			}
			else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
				var reference = variable.getValueFrom().getConfigMapKeyRef();
				value = this.chart.configMapValue(reference.getName(), reference.getKey())
					.orElseThrow(() -> new IllegalStateException("CreateContainerConfigError: " + container.getName()
							+ " needs ConfigMap " + reference.getName() + " key " + reference.getKey()));
			}
			else if (variable.getValueFrom().getSecretKeyRef() != null) {
				var reference = variable.getValueFrom().getSecretKeyRef();
				value = this.chart.secretValue(reference.getName(), reference.getKey())
					.orElseThrow(() -> new IllegalStateException("CreateContainerConfigError: " + container.getName()
							+ " needs Secret " + reference.getName() + " key " + reference.getKey()));
			}
			else {
				throw new IllegalStateException("unsupported valueFrom in " + container.getName());
			}
			environment.put(variable.getName(), value);
		}
		return environment;
	}

	/** A Job as the Job controller runs it: a new pod per failure, up to backoffLimit. */
	private JobResult runJob(Job job) {
		var spec = job.getSpec();
		var podSpec = spec.getTemplate().getSpec();
		Container container = podSpec.getContainers().get(0);
		int backoffLimit = Optional.ofNullable(spec.getBackoffLimit()).orElse(6);
		long deadline = Optional.ofNullable(spec.getActiveDeadlineSeconds()).orElse(600L);
		long started = System.nanoTime();
		List<String> failures = new ArrayList<>();
		for (int attempt = 0; attempt <= backoffLimit; attempt++) {
			PodTemplate template = new PodTemplate(job.getMetadata().getName() + "-" + attempt, container,
					Optional.ofNullable(podSpec.getVolumes()).orElse(List.of()), podSpec.getSecurityContext(),
					podSpec.getRestartPolicy(), this.images.get("todo"), resolveEnvironment(container), 30);
			try (RunningPod pod = startPod(template)) {
				long left = deadline - Duration.ofNanos(System.nanoTime() - started).toSeconds();
				Integer exit = pod.awaitExit(Duration.ofSeconds(Math.max(1, left)));
				if (exit != null && exit == 0) {
					return new JobResult(true, attempt, Duration.ofNanos(System.nanoTime() - started),
							pod.cgroup().peakMemory(), pod.cgroup().memoryLimit(), failures, pod.describe());
				}
				failures.add(pod.describe());
				if (exit == null) {
					break;
				}
			}
			if (attempt >= 1) {
				// the Job controller's back-off is 10 s, 20 s, ...: two attempts show the
				// failure
				break;
			}
		}
		return new JobResult(false, failures.size(), Duration.ofNanos(System.nanoTime() - started), -1, -1, failures,
				failures.isEmpty() ? "" : failures.get(failures.size() - 1));
	}

	/**
	 * Runs the chart's {@code helm test} pods with the node's curl and sh standing for
	 * the curl image, in their own pod sandbox (uid, read-only root, their volumes,
	 * limits).
	 * @return each test pod's exit code and output
	 */
	public List<JobResult> helmTest() {
		List<JobResult> results = new ArrayList<>();
		for (Pod pod : this.chart.testPods()) {
			Container container = pod.getSpec().getContainers().get(0);
			Image curl = new Image("curl", List.of(),
					Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), "100", "/",
					List.of(), List.of("curl"), List.of("the curl image: the node's curl and sh"));
			PodSecurityContext security = pod.getSpec().getSecurityContext();
			PodTemplate template = new PodTemplate(pod.getMetadata().getName(), container,
					Optional.ofNullable(pod.getSpec().getVolumes()).orElse(List.<Volume>of()), security, "Never", curl,
					resolveEnvironment(container), 30);
			long started = System.nanoTime();
			try (RunningPod running = startPod(template)) {
				Integer exit = running.awaitExit(Duration.ofMinutes(3));
				results.add(new JobResult(exit != null && exit == 0, 0, Duration.ofNanos(System.nanoTime() - started),
						running.cgroup().peakMemory(), running.cgroup().memoryLimit(), List.of(),
						String.join("\n", running.logTail())));
			}
		}
		return results;
	}

	/**
	 * Waits until a service's pod is Ready, as {@code kubectl wait ksvc/NAME
	 * --for=condition=Ready} would.
	 * @param name the service
	 * @return whether it became Ready
	 */
	public boolean awaitReady(String name) {
		RunningPod pod = service(name).scaleToOne();
		return pod.awaitReady(READY_TIMEOUT);
	}

	public KnativeService service(String name) {
		KnativeService service = this.services.get(name);
		if (service == null) {
			throw new IllegalArgumentException("no service " + name);
		}
		return service;
	}

	public Database database() {
		return this.database;
	}

	public Gateway gateway() {
		return this.gateway;
	}

	public RenderedChart chart() {
		return this.chart;
	}

	public JobResult migration() {
		return this.migration;
	}

	public DatabaseCoordinates databaseCoordinates() {
		return this.databaseCoordinates;
	}

	public Map<String, Image> images() {
		return this.images;
	}

	/** The gateway's URL of a service, as a client inside the cluster reaches it. */
	public static String clusterHost(String service) {
		return service + "." + NAMESPACE + ".svc.cluster.local";
	}

	public String describe(String service) {
		RunningPod pod = service(service).pod();
		return (pod != null) ? pod.describe() : service + ": no pod (scaled to zero)";
	}

	@Override
	public void close() {
		for (KnativeService service : this.services.values()) {
			service.scaleToZero(Duration.ofSeconds(20));
			service.pods().forEach(RunningPod::close);
		}
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.get(i).close();
			}
			catch (Exception ex) {
				// keep closing the rest
			}
		}
	}

	/**
	 * What to install.
	 *
	 * @param repository the repository root
	 * @param valuesFiles {@code --values} files
	 * @param initialScale whether each service starts its initial-scale pod at install
	 * @param work where images, pods and PostgreSQL live
	 */
	public record Options(Path repository, List<Path> valuesFiles, boolean initialScale, Path work) {

		public static Options defaults(Path repository, Path work) {
			return new Options(repository, List.of(), true, work);
		}

		public Options withValues(Path file) {
			List<Path> files = new ArrayList<>(this.valuesFiles);
			files.add(file);
			return new Options(this.repository, files, this.initialScale, this.work);
		}

		public Options withInitialScale(boolean initialScale) {
			return new Options(this.repository, this.valuesFiles, initialScale, this.work);
		}

	}

	/**
	 * Where the pods find their database.
	 *
	 * @param host the host name they resolve
	 * @param user the role
	 * @param password its password
	 * @param database the database
	 * @param description what it stands for
	 */
	public record DatabaseCoordinates(String host, String user, String password, String database, String description) {
	}

	/**
	 * How a run-to-completion pod (the migration Job, a helm test pod) ended.
	 *
	 * @param succeeded exit code 0
	 * @param failedAttempts pods that failed before
	 * @param duration from the first pod's creation to the end
	 * @param peakMemory the last pod's memory.max_usage_in_bytes
	 * @param memoryLimit its limit
	 * @param failures descriptions of the failed pods
	 * @param output the last pod's description or log
	 */
	public record JobResult(boolean succeeded, int failedAttempts, Duration duration, long peakMemory, long memoryLimit,
			List<String> failures, String output) {
	}

	/**
	 * Runs the release by hand until interrupted:
	 * {@code java -jar pod-parity-exec.jar [--values FILE] [--service NAME]}.
	 * @param args the options
	 */
	public static void main(String[] args) throws Exception {
		Options options = Options.defaults(Path.of("").toAbsolutePath().getParent().getParent(),
				Path.of("target/pod-parity").toAbsolutePath());
		List<String> only = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--service" -> {
					only = List.of(args[++i]);
					options = options.withInitialScale(false);
				}
				case "--values" -> options = options.withValues(Path.of(args[++i]).toAbsolutePath());
				default -> throw new IllegalArgumentException(
						"usage: [--values FILE] [--service todo|mcp|chat|web|reminders]");
			}
		}
		Files.createDirectories(options.work());
		try (PodParity parity = install(options)) {
			Runtime.getRuntime().addShutdownHook(new Thread(parity::close));
			only = (only != null) ? only : parity.services();
			System.out.println("migration: " + (parity.migration() == null ? "none" : parity.migration().succeeded()));
			for (String service : only) {
				boolean ready = parity.awaitReady(service);
				System.out.println(service + ": " + (ready ? "Ready" : "not Ready") + "\n" + parity.describe(service));
			}
			System.out.println("Gateway: curl -H 'Host: todo.todo.svc.cluster.local' http://"
					+ PodNetwork.SERVICES_ADDRESS + "/... ; Ctrl-C stops everything");
			Thread.currentThread().join();
		}
	}

}
