package dev.todobot.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBrokerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * What the stand-in reminders function received: path, headers (lower case), body.
	 */
	private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();

	/** The status each path answers; 200 when not set. */
	private final Map<String, Integer> answers = new HashMap<>();

	private final HttpServer subscriber = subscriber();

	@TempDir
	Path files;

	@AfterEach
	void stop() {
		this.subscriber.stop(0);
	}

	@Test
	void theChartsSubscriptionsAreRead() throws IOException {
		Subscriptions subscriptions = Subscriptions.read(repository().resolve(Subscriptions.FILE));
		assertThat(subscriptions.subscriptions()).extracting(Subscriptions.Subscription::type)
			.contains("todo.task.completed", "dev.knative.sources.ping");
		assertThat(subscriptions.delivery().retry()).isPositive();
		assertThat(subscriptions.delivery().deadLetterPath()).isEqualTo("/deadLetter");
	}

	@Test
	void deliversEachEventByTheFiltersOfTheChartsSubscriptions() throws Exception {
		try (LocalBroker broker = new LocalBroker(Subscriptions.read(repository().resolve(Subscriptions.FILE)),
				subscriberUrl())) {
			assertThat(postBinary(broker, "todo.task.added", "1", "{\"id\":1}")).isEqualTo(202);
			assertThat(postBinary(broker, "todo.task.completed", "2", "{\"id\":2}")).isEqualTo(202);
			assertThat(post(broker, Map.of("Content-Type", "application/cloudevents+json"),
					"{\"specversion\":\"1.0\",\"id\":\"3\",\"source\":\"/todo\",\"type\":\"todo.task.completed\","
							+ "\"datacontenttype\":\"application/json\",\"data\":{\"id\":3}}"))
				.isEqualTo(202);
			Map<String, String> first = next();
			Map<String, String> second = next();
			assertThat(List.of(first.get("ce-id"), second.get("ce-id"))).containsExactlyInAnyOrder("2", "3");
			for (Map<String, String> delivered : List.of(first, second)) {
				assertThat(delivered.get("path")).isEqualTo("/taskCompleted");
				// delivered in binary mode, as Knative's Broker does, whatever mode it
				// came in
				assertThat(delivered.get("ce-type")).isEqualTo("todo.task.completed");
				assertThat(delivered.get("ce-source")).isEqualTo("/todo");
				assertThat(delivered.get("content-type")).startsWith("application/json");
				assertThat(delivered.get("body")).isEqualTo("{\"id\":" + delivered.get("ce-id") + "}");
			}
			assertThat(this.received.poll(1, TimeUnit.SECONDS)).as("todo.task.added matches no filter").isNull();
			assertThat(post(broker, Map.of("Content-Type", "application/json"), "{\"id\":4}")).as("no CloudEvent")
				.isEqualTo(400);
		}
	}

	@Test
	void aFailingDeliveryIsRetriedWithBackoffAndThenEndsInTheDeadLetters() throws Exception {
		this.answers.put("/taskCompleted", 503);
		try (LocalBroker broker = new LocalBroker(subscriptions(3), subscriberUrl())) {
			postBinary(broker, "todo.task.completed", "failing", "{\"id\":5}");
			for (int attempt = 0; attempt < 4; attempt++) {
				Map<String, String> delivery = next();
				assertThat(delivery.get("path")).as("attempt " + attempt).isEqualTo("/taskCompleted");
				assertThat(delivery.get("ce-id")).isEqualTo("failing");
			}
			Map<String, String> deadLetter = next();
			assertThat(deadLetter.get("path")).as("after 1 try and 3 retries").isEqualTo("/deadLetter");
			assertThat(deadLetter.get("ce-id")).isEqualTo("failing");
			assertThat(deadLetter.get("ce-type")).isEqualTo("todo.task.completed");
			assertThat(deadLetter.get("body")).isEqualTo("{\"id\":5}");
			assertThat(deadLetter.get("ce-knativeerrordest")).isEqualTo(subscriberUrl() + "/taskCompleted");
			assertThat(deadLetter.get("ce-knativeerrorcode")).isEqualTo("503");
			assertThat(new String(Base64.getDecoder().decode(deadLetter.get("ce-knativeerrordata")),
					StandardCharsets.UTF_8))
				.isEqualTo("answered 503");
			assertThat(this.received.poll(1, TimeUnit.SECONDS)).isNull();
		}
	}

	@Test
	void theBackoffDoublesWithEachRetryAsKnativesExponentialPolicy() {
		Subscriptions.Delivery exponential = new Subscriptions.Delivery(5, true, Duration.ofMillis(500), "/deadLetter");
		assertThat(List.of(1, 2, 3, 4, 5).stream().map(exponential::backoff).toList()).containsExactly(
				Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
				Duration.ofSeconds(16));
		Subscriptions.Delivery linear = new Subscriptions.Delivery(3, false, Duration.ofMillis(500), "/deadLetter");
		assertThat(List.of(1, 2, 3).stream().map(linear::backoff).toList()).containsExactly(Duration.ofMillis(500),
				Duration.ofSeconds(1), Duration.ofMillis(1500));
	}

	@Test
	void aRefusedEventGoesToTheDeadLettersWithoutRetries() throws Exception {
		this.answers.put("/taskCompleted", 400);
		try (LocalBroker broker = new LocalBroker(subscriptions(3), subscriberUrl())) {
			postBinary(broker, "todo.task.completed", "refused", "{\"id\":6}");
			assertThat(next().get("path")).isEqualTo("/taskCompleted");
			Map<String, String> deadLetter = next();
			assertThat(deadLetter.get("path")).isEqualTo("/deadLetter");
			assertThat(deadLetter.get("ce-knativeerrorcode")).isEqualTo("400");
		}
	}

	@Test
	void ticksWithPingSourceEvents() throws Exception {
		try (LocalBroker broker = new LocalBroker(Subscriptions.read(repository().resolve(Subscriptions.FILE)),
				subscriberUrl())) {
			broker.tick(Duration.ofMillis(200), Clock.systemUTC());
			for (int tick = 0; tick < 2; tick++) {
				Map<String, String> ping = next();
				assertThat(ping.get("path")).isEqualTo("/tick");
				assertThat(ping.get("ce-type")).isEqualTo("dev.knative.sources.ping");
				assertThat(ping.get("ce-source")).isEqualTo("/apis/v1/namespaces/devstack/pingsources/reminders-tick");
				assertThat(ping.get("ce-specversion")).isEqualTo("1.0");
				assertThat(ping.get("ce-id")).isNotBlank();
				assertThat(ping.get("ce-time")).isNotBlank();
			}
		}
	}

	/**
	 * The chart's subscriptions, with a short backoff.
	 */
	private Subscriptions subscriptions(int retries) throws IOException {
		Path file = this.files.resolve("subscriptions.yaml");
		Files.writeString(file,
				Files.readString(repository().resolve(Subscriptions.FILE))
					.replaceAll("retry: \\d+", "retry: " + retries)
					.replaceAll("backoffDelay: \\S+", "backoffDelay: PT0.01S"));
		Subscriptions subscriptions = Subscriptions.read(file);
		assertThat(subscriptions.delivery().retry()).isEqualTo(retries);
		return subscriptions;
	}

	private int postBinary(LocalBroker broker, String type, String id, String data) throws Exception {
		return post(broker, Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/todo", "ce-type", type,
				"Content-Type", "application/json"), data);
	}

	private int post(LocalBroker broker, Map<String, String> headers, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(broker.url()))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Map<String, String> next() throws InterruptedException {
		Map<String, String> request = this.received.poll(30, TimeUnit.SECONDS);
		assertThat(request).as("a delivery").isNotNull();
		return request;
	}

	private String subscriberUrl() {
		return "http://127.0.0.1:" + this.subscriber.getAddress().getPort();
	}

	private static Path repository() {
		return DevStackOptions.repositoryRoot(Path.of(""));
	}

	private HttpServer subscriber() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				Map<String, String> request = new HashMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> request.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
				request.put("path", exchange.getRequestURI().getPath());
				request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				this.received.add(request);
				int status = this.answers.getOrDefault(exchange.getRequestURI().getPath(), 200);
				byte[] answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
