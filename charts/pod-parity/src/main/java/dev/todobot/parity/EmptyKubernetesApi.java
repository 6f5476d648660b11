package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Kubernetes API that Helm's {@code lookup} reaches while the chart renders: a
 * cluster with nothing in it, as on a first install. helm-java's {@code template} renders
 * like {@code helm install --dry-run=server}, so {@code lookup} needs an API server; this
 * one knows the core group (Secrets) and answers every read with 404, so generated
 * Secrets are generated. The {@code KUBECONFIG} file (its path set by Surefire) points at
 * it.
 */
final class EmptyKubernetesApi {

	private static final String CORE_V1 = """
			{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"secrets","singularName":"secret",\
			"namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""";

	private static HttpServer server;

	private EmptyKubernetesApi() {
	}

	static synchronized void start() {
		if (server != null) {
			return;
		}
		String path = System.getenv("KUBECONFIG");
		if (path == null || path.isBlank()) {
			throw new IllegalStateException("KUBECONFIG is not set: point it at a file this runner may write "
					+ "(Surefire sets target/helm/kubeconfig), so that Helm never looks up a real cluster");
		}
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
			server.createContext("/", EmptyKubernetesApi::answer);
			server.start();
			Path file = Path.of(path);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, """
					apiVersion: v1
					kind: Config
					clusters:
					  - name: empty
					    cluster:
					      server: http://127.0.0.1:%d
					contexts:
					  - name: empty
					    context:
					      cluster: empty
					      user: empty
					current-context: empty
					users:
					  - name: empty
					    user:
					      token: empty
					""".formatted(server.getAddress().getPort()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			boolean discovery = exchange.getRequestURI().getPath().equals("/api/v1");
			byte[] body = (discovery ? CORE_V1
					: "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(discovery ? 200 : 404, body.length);
			exchange.getResponseBody().write(body);
		}
	}

}
