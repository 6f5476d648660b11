package dev.todobot.core.event;

import java.net.URI;
import java.time.Duration;

import dev.todobot.core.lifecycle.PendingWork;
import io.cloudevents.CloudEvent;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends CloudEvents (binary mode) to {@code K_SINK}, the address Knative's SinkBinding
 * injects: every function that emits events sends them here. Without a sink nothing is
 * sent. A sink that fails or takes longer than the timeout is logged, never thrown: the
 * change an event tells of has happened already.
 */
public class CloudEventSender {

	private static final Logger logger = LoggerFactory.getLogger(CloudEventSender.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebClient client;

	private final URI sink;

	private final PendingWork sending;

	/**
	 * @param client the HTTP client
	 * @param sink where to send, or {@code null} to send nothing
	 * @param sending what shutdown waits for, for the events {@link #announce} sends
	 */
	public CloudEventSender(WebClient client, URI sink, PendingWork sending) {
		this.client = client;
		this.sink = sink;
		this.sending = sending;
	}

	/**
	 * Whether there is a sink to send to.
	 * @return {@code false} when {@code K_SINK} is not set
	 */
	public boolean sends() {
		return this.sink != null;
	}

	/**
	 * Sends an event without waiting for it: a slow or broken sink never fails or slows
	 * the request that made the change. An event still on its way when the function stops
	 * is waited for (up to the timeout), so scaling to zero right after a change loses no
	 * event.
	 * @param event the event
	 */
	public void announce(CloudEvent event) {
		if (sends()) {
			this.sending.track(send(event).toFuture());
		}
	}

	/**
	 * Sends an event.
	 * @param event the event
	 * @return whether the sink took it; {@code false} without a sink
	 */
	public Mono<Boolean> send(CloudEvent event) {
		if (!sends()) {
			return Mono.just(false);
		}
		return Mono
			.defer(() -> this.client.post()
				.uri(this.sink)
				.headers((headers) -> headers.addAll(CloudEventHttpUtils.toHttp(event)))
				.bodyValue((event.getData() != null) ? event.getData().toBytes() : new byte[0])
				.retrieve()
				.toBodilessEntity())
			.timeout(TIMEOUT)
			.thenReturn(true)
			.onErrorResume((ex) -> {
				logger.warn("Could not send {} {} to K_SINK: {}", event.getType(), event.getId(), ex.getMessage());
				return Mono.just(false);
			});
	}

}
