package dev.todobot.todo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutting down (what SIGTERM does when Knative scales to zero) waits for the CloudEvents
 * still on their way to {@code K_SINK}.
 */
class AnnouncementShutdownTests {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final CountDownLatch received = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicBoolean acknowledged = new AtomicBoolean();

	private HttpServer sink;

	@AfterEach
	void stopSink() {
		this.release.countDown();
		this.sink.stop(0);
	}

	@Test
	void stoppingWaitsForAnAnnouncementTheSinkHasNotAcknowledgedYet() throws Exception {
		this.sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.sink.createContext("/", this::slowBroker);
		this.sink.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.sink.start();
		ConfigurableApplicationContext todo = new SpringApplicationBuilder(TodoApplication.class).run("--server.port=0",
				"--DATABASE_URL=" + EmbeddedDatabase.url(), "--JWT_SECRET=" + EmbeddedDatabase.JWT_SECRET,
				"--K_SINK=http://127.0.0.1:" + this.sink.getAddress().getPort() + "/");
		String url = "http://127.0.0.1:" + todo.getEnvironment().getProperty("local.server.port");
		String token = token(post(url + "/signup", null,
				"{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse\"}"));
		assertThat(post(url + "/addTask", token, "{\"title\":\"Announced on the way out\"}").statusCode())
			.isEqualTo(200);
		assertThat(this.received.await(30, TimeUnit.SECONDS)).as("the sink got the event").isTrue();

		// the broker acknowledges a while after the function began to stop: longer than
		// stopping takes when nothing is waited for
		Thread.ofVirtual().start(() -> {
			sleep(2000);
			this.release.countDown();
		});
		todo.close();

		assertThat(this.acknowledged).as("the function waited for the sink's acknowledgement").isTrue();
	}

	private void slowBroker(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.received.countDown();
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.acknowledged.set(true);
		exchange.sendResponseHeaders(202, -1);
		exchange.close();
	}

	private HttpResponse<String> post(String url, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String token(HttpResponse<String> response) {
		Matcher matcher = TOKEN.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
