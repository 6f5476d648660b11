package dev.todobot.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The Kubernetes API that Helm's {@code lookup} talks to while the tests render charts: a
 * fabric8 mock server in CRUD mode, which the {@code KUBECONFIG} file (its path set by
 * Surefire) points at.
 * <p>
 * helm-java's {@code template} renders like {@code helm install --dry-run=server}, so
 * {@code lookup} reaches a cluster instead of returning nothing as the CLI's
 * {@code helm template} does. Against this API a missing Secret is a 404 (lookup gives an
 * empty map), and a Secret that a test stores here is what an upgrade would find.
 */
final class FakeKubernetesApi {

	private static FakeKubernetesApi instance;

	private final KubernetesMockServer server;

	private final NamespacedKubernetesClient client;

	private FakeKubernetesApi() {
		this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
				new DiscoveringCrudDispatcher(), false);
		this.server.init();
		this.client = this.server.createClient();
		writeKubeconfig();
	}

	/**
	 * Starts the API once per test JVM and points {@code KUBECONFIG} at it.
	 * @return the running API
	 */
	static synchronized FakeKubernetesApi start() {
		if (instance == null) {
			instance = new FakeKubernetesApi();
			Runtime.getRuntime().addShutdownHook(new Thread(instance.server::destroy));
		}
		return instance;
	}

	/**
	 * Stores a Secret, as an earlier release would have left it.
	 * @param namespace the namespace
	 * @param name the Secret's name
	 * @param data its entries, in plain text
	 */
	void putSecret(String namespace, String name, Map<String, String> data) {
		Map<String, String> encoded = new HashMap<>();
		data.forEach((key, value) -> encoded.put(key,
				Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
		this.client.secrets()
			.inNamespace(namespace)
			.resource(new SecretBuilder().withNewMetadata()
				.withName(name)
				.withNamespace(namespace)
				.endMetadata()
				.withData(encoded)
				.build())
			.createOr((existing) -> existing.update());
	}

	private void writeKubeconfig() {
		String path = System.getenv("KUBECONFIG");
		if (path == null || path.isBlank()) {
			throw new IllegalStateException("KUBECONFIG is not set: run the chart tests through Maven (Surefire "
					+ "points it at a file in target/), so that Helm never looks up a real cluster");
		}
		String kubeconfig = """
				apiVersion: v1
				kind: Config
				clusters:
				  - name: fake
				    cluster:
				      server: http://%s:%d
				contexts:
				  - name: fake
				    context:
				      cluster: fake
				      user: fake
				current-context: fake
				users:
				  - name: fake
				    user:
				      token: fake
				""".formatted(this.server.getHostName(), this.server.getPort());
		try {
			Path file = Path.of(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, kubeconfig);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * CRUD for resources, plus the discovery document of the core group that Helm reads
	 * before its first lookup.
	 */
	private static final class DiscoveringCrudDispatcher extends KubernetesCrudDispatcher {

		private static final String CORE_V1 = new KubernetesSerialization()
			.asJson(new APIResourceListBuilder().withGroupVersion("v1")
				.addNewResource()
				.withName("secrets")
				.withSingularName("secret")
				.withKind("Secret")
				.withNamespaced(true)
				.withVerbs("get", "list", "create", "update", "delete")
				.endResource()
				.build());

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			String path = request.getPath().split("\\?", 2)[0];
			if ("GET".equals(request.getMethod()) && "/api/v1".equals(path)) {
				return new MockResponse().setResponseCode(200)
					.setHeader("Content-Type", "application/json")
					.setBody(CORE_V1);
			}
			return super.dispatch(request);
		}

	}

}
