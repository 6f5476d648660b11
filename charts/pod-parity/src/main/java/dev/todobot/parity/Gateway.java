package dev.todobot.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands for Kourier with Knative's activator: an HTTP server on port 80 of the node's
 * bridge address that routes by Host ({@code NAME.NAMESPACE.svc.cluster.local}, or the
 * external {@code NAME.NAMESPACE.DOMAIN}) to the service's Ready pod, and, when the
 * service has none (scaled to zero), starts one and holds the request until it is Ready,
 * as the activator does. Like Envoy, it appends the client's address to
 * {@code X-Forwarded-For}. Its own errors: 404 for an unknown host, 503 when no pod
 * became Ready.
 */
final class Gateway implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
			"host", "content-length", "te", "trailer", "proxy-connection", "expect", "http2-settings");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final Map<String, KnativeService> routes = new ConcurrentHashMap<>();

	private final AtomicLong ownErrors = new AtomicLong();

	private Gateway(HttpServer server) {
		this.server = server;
	}

	static Gateway start(String address) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 80), 256);
			Gateway gateway = new Gateway(server);
			server.createContext("/", gateway::handle);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot listen on " + address + ":80", ex);
		}
	}

	void route(String host, KnativeService service) {
		this.routes.put(host.toLowerCase(Locale.ROOT), service);
	}

	/** Answers the gateway gave itself (no route, no Ready pod), not the pods'. */
	long ownErrors() {
		return this.ownErrors.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String host = exchange.getRequestHeaders().getFirst("Host");
			host = (host == null) ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
			KnativeService service = this.routes.get(host);
			if (service == null) {
				fail(exchange, 404, "no route for host " + host);
				return;
			}
			RunningPod pod = service.activate();
			if (pod == null) {
				fail(exchange, 503, "no Ready pod of " + service.name());
				return;
			}
			forward(exchange, service, pod);
		}
	}

	private void forward(HttpExchange exchange, KnativeService service, RunningPod pod) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		URI uri = URI.create("http://" + pod.address() + ":" + pod.port() + exchange.getRequestURI());
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(service.timeoutSeconds()))
			.method(exchange.getRequestMethod(), (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			String lowerCase = name.toLowerCase(Locale.ROOT);
			if (!HOP_BY_HOP.contains(lowerCase) && !lowerCase.equals("x-forwarded-for")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		// as Kourier's Envoy does (use_remote_address): the client it was connected from,
		// after what earlier proxies wrote
		String client = exchange.getRemoteAddress().getAddress().getHostAddress();
		String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
		request.header("X-Forwarded-For", (forwardedFor != null) ? forwardedFor + ", " + client : client);
		HttpResponse<InputStream> response;
		pod.requestStarted();
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			pod.requestFinished();
			fail(exchange, 502, "pod " + pod.name() + " did not answer: " + ex.getMessage());
			return;
		}
		catch (InterruptedException ex) {
			pod.requestFinished();
			Thread.currentThread().interrupt();
			return;
		}
		try {
			response.headers().map().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			long length = response.headers().firstValueAsLong("content-length").orElse(-2);
			boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204
					|| response.statusCode() == 304;
			exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : ((length >= 0) ? length : 0));
			service.recordStatus(response.statusCode(), response.headers().firstValue("retry-after").isPresent());
			try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
				byte[] buffer = new byte[8192];
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					// server-sent events pass as they come
					out.flush();
				}
			}
		}
		finally {
			pod.requestFinished();
		}
	}

	private void fail(HttpExchange exchange, int status, String detail) throws IOException {
		this.ownErrors.incrementAndGet();
		byte[] body = ("{\"title\":\"gateway\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'")
				+ "\"}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.client.close();
	}

}
