package dev.todobot.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for the Kubernetes API server, over HTTPS with a certificate of its own
 * ({@code kubernetes/ca.crt}): keeps each request it gets and answers with a chosen
 * status. fabric8's mock server would bring Vert.x on Netty 4.1 into a function that runs
 * on Netty 4.2.
 */
final class ApiServerStandIn {

	static final String TOKEN = "stand-in-token";

	static final String NAMESPACE = "todo-app";

	/** What it got: the method, path, Authorization header and body of each request. */
	final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

	private volatile int status = 201;

	private final HttpsServer server;

	ApiServerStandIn() {
		try {
			this.server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
			this.server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
			this.server.createContext("/", (exchange) -> {
				this.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Authorization"),
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
				byte[] body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(this.status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answers every request with this status from now on.
	 */
	void answer(int status) {
		this.status = status;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Points the function at an API server on a port, as the service account's files in a
	 * pod would.
	 * @param registry the test's properties
	 * @param port the API server's port
	 */
	static void serviceAccount(DynamicPropertyRegistry registry, int port) {
		try {
			Path account = Files.createTempDirectory("serviceaccount");
			Path token = Files.writeString(account.resolve("token"), TOKEN + "\n");
			Path namespace = Files.writeString(account.resolve("namespace"), NAMESPACE);
			Path ca = Path.of(ApiServerStandIn.class.getResource("/kubernetes/ca.crt").toURI());
			registry.add("reminders.kubernetes.host", () -> "localhost");
			registry.add("reminders.kubernetes.port", () -> port);
			registry.add("reminders.kubernetes.token", token::toString);
			registry.add("reminders.kubernetes.namespace", namespace::toString);
			registry.add("reminders.kubernetes.ca", ca::toString);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SSLContext serverContext() {
		try (InputStream keys = ApiServerStandIn.class.getResourceAsStream("/kubernetes/api-server.p12")) {
			char[] password = "stand-in".toCharArray();
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(keys, password);
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, password);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(factory.getKeyManagers(), null, null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Request(String method, String path, String authorization, String body) {

	}

}
