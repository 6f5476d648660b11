package dev.todobot.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for Knative's Broker, its Triggers and the PingSource: takes events
 * (the {@code K_SINK} of todo, mcp and reminders), delivers each to the reminders
 * function by the filters of {@link Subscriptions} in binary mode, retries a failed
 * delivery with the Triggers' backoff and then sends the event to the dead-letter route
 * with Knative's {@code knativeerrordest}, {@code knativeerrorcode} and
 * {@code knativeerrordata} extensions, as the Broker does. It also ticks: a
 * {@code dev.knative.sources.ping} event every minute, on the minute, as PingSource sends
 * one for {@code * * * * *}.
 * <p>
 * Each delivery runs on a virtual thread of its own, so a slow subscriber or a backoff
 * holds up no other event, and the sender has its 202 at once.
 */
final class LocalBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalBroker.class);

	/** PingSource's event type. */
	static final String PING = "dev.knative.sources.ping";

	/** The source PingSource gives its events: the PingSource's own API path. */
	static final URI PING_SOURCE = URI.create("/apis/v1/namespaces/devstack/pingsources/reminders-tick");

	/** Knative keeps this much of a failed answer's body in {@code knativeerrordata}. */
	private static final int ERROR_DATA_LIMIT = 1024;

	private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

	private final Subscriptions subscriptions;

	private final String subscriber;

	private final HttpServer server;

	private final HttpClient client;

	private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "local-broker-tick");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Starts the broker on a free port of 127.0.0.1.
	 * @param subscriptions what to deliver where, and how
	 * @param subscriber the reminders function's address
	 */
	LocalBroker(Subscriptions subscriptions, String subscriber) throws IOException {
		this.subscriptions = subscriptions;
		this.subscriber = subscriber.replaceAll("/$", "");
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.deliveries)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.deliveries);
		this.server.createContext("/", this::ingress);
		this.server.start();
	}

	/**
	 * Where events are sent: the {@code K_SINK} of the functions.
	 * @return the broker's URL
	 */
	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/";
	}

	/**
	 * Ticks from now on: an event at the start of every period.
	 * @param period a minute, as the PingSource's schedule; shorter in tests
	 * @param clock tells when the next period starts
	 */
	void tick(Duration period, Clock clock) {
		long periodMillis = period.toMillis();
		long first = periodMillis - Math.floorMod(clock.millis(), periodMillis);
		this.ticks.scheduleAtFixedRate(() -> {
			try {
				publish(ping(clock));
			}
			catch (RuntimeException ex) {
				// a failure must not end the schedule, as one thrown out of it would
				logger.warn("Could not tick: {}", ex.toString());
			}
		}, first, periodMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Takes an event into the broker, as its ingress does.
	 * @param event the event
	 */
	void publish(CloudEvent event) {
		for (Subscriptions.Subscription subscription : this.subscriptions.subscriptions()) {
			if (subscription.matches(event.getType(), event.getSource().toString())) {
				this.deliveries.execute(() -> deliver(subscription, event));
			}
		}
	}

	private void ingress(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestMethod().equals("POST")) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body = exchange.getRequestBody().readAllBytes();
			CloudEvent event;
			try {
				event = HttpMessageFactory.createReaderFromMultimap(exchange.getRequestHeaders(), body).toEvent();
			}
			catch (CloudEventRWException | IllegalArgumentException ex) {
				byte[] problem = ("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Not a CloudEvent: "
						+ String.valueOf(ex.getMessage()).replace("\"", "'") + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
				exchange.sendResponseHeaders(400, problem.length);
				exchange.getResponseBody().write(problem);
				return;
			}
			publish(event);
			exchange.sendResponseHeaders(202, -1);
		}
	}

	/**
	 * Delivers an event to a subscription, retrying as its delivery says, and sends it to
	 * the dead-letter route when every try failed.
	 */
	private void deliver(Subscriptions.Subscription subscription, CloudEvent event) {
		URI destination = URI.create(this.subscriber + subscription.path());
		Attempt attempt = deliverWithRetries(destination, event);
		if (attempt.delivered()) {
			return;
		}
		Subscriptions.Delivery delivery = this.subscriptions.delivery();
		logger.warn("{} {} could not be delivered to {} ({} tries, last: {}): sent to {}", event.getType(),
				event.getId(), destination, attempt.tries(), attempt.failure(), delivery.deadLetterPath());
		CloudEventBuilder deadLetter = CloudEventBuilder.from(event)
			.withExtension("knativeerrordest", destination.toString());
		if (attempt.status() > 0) {
			deadLetter.withExtension("knativeerrorcode", Integer.toString(attempt.status()));
		}
		if (attempt.body() != null && attempt.body().length > 0) {
			deadLetter.withExtension("knativeerrordata", Base64.getEncoder()
				.encodeToString(Arrays.copyOf(attempt.body(), Math.min(attempt.body().length, ERROR_DATA_LIMIT))));
		}
		URI deadLetterSink = URI.create(this.subscriber + delivery.deadLetterPath());
		Attempt kept = deliverWithRetries(deadLetterSink, deadLetter.build());
		if (!kept.delivered()) {
			logger.warn("{} {} is lost: the dead-letter route {} failed too ({})", event.getType(), event.getId(),
					deadLetterSink, kept.failure());
		}
	}

	private Attempt deliverWithRetries(URI destination, CloudEvent event) {
		Subscriptions.Delivery delivery = this.subscriptions.delivery();
		Attempt attempt = send(destination, event, 1);
		for (int retry = 1; retry <= delivery.retry() && attempt.retriable(); retry++) {
			try {
				Thread.sleep(delivery.backoff(retry));
			}
			catch (InterruptedException ex) {
				// the broker is closing
				Thread.currentThread().interrupt();
				return attempt;
			}
			attempt = send(destination, event, retry + 1);
		}
		return attempt;
	}

	private Attempt send(URI destination, CloudEvent event, int tries) {
		Map<String, String> headers = new HashMap<>();
		byte[][] body = { new byte[0] };
		// an event without data is written with null
		HttpMessageFactory.createWriter(headers::put, (bytes) -> body[0] = (bytes != null) ? bytes : new byte[0])
			.writeBinary(event);
		HttpRequest.Builder request = HttpRequest.newBuilder(destination)
			.timeout(DELIVERY_TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body[0]));
		// the client sets the length itself, and refuses it as a header (the SDK writes
		// one
		// for an event without data)
		headers.forEach((name, value) -> {
			if (!name.equalsIgnoreCase("content-length")) {
				request.header(name, value);
			}
		});
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Attempt(tries, response.statusCode(), response.body(), null);
		}
		catch (IOException | RuntimeException ex) {
			return new Attempt(tries, 0, null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Attempt(tries, 0, null, "interrupted");
		}
	}

	private static CloudEvent ping(Clock clock) {
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(PING_SOURCE)
			.withType(PING)
			.withTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.build();
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
		this.server.stop(0);
		this.deliveries.shutdownNow();
		this.client.close();
	}

	/**
	 * A try to deliver.
	 *
	 * @param tries how many tries it took, this one included
	 * @param status the answer's status, or 0 when there was none
	 * @param body the answer's body, or {@code null}
	 * @param error why there was no answer, or {@code null}
	 */
	private record Attempt(int tries, int status, byte[] body, String error) {

		boolean delivered() {
			return this.status >= 200 && this.status < 300;
		}

		/**
		 * Knative tries again after no answer, and after 404, 408, 409, 425, 429 and 5xx;
		 * any other failure (a 400, say) goes to the dead letters at once.
		 */
		boolean retriable() {
			return this.status == 0 || this.status == 404 || this.status == 408 || this.status == 409
					|| this.status == 425 || this.status == 429 || this.status >= 500;
		}

		String failure() {
			return (this.error != null) ? this.error : "HTTP " + this.status;
		}

	}

}
