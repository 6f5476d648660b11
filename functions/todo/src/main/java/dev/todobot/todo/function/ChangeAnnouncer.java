package dev.todobot.todo.function;

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
 * Announces every change as a CloudEvent (binary mode) to {@code K_SINK}, the address
 * Knative's SinkBinding injects. Fire and forget: a slow or broken sink never fails or
 * slows the user's request. An event still on its way when the function stops is waited
 * for (up to its timeout), so scaling to zero right after a change loses no event.
 */
public class ChangeAnnouncer {

	private static final Logger logger = LoggerFactory.getLogger(ChangeAnnouncer.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebClient client;

	private final URI sink;

	private final PendingWork sending;

	/**
	 * @param client the HTTP client
	 * @param sink where to send, or {@code null} to send nothing
	 * @param sending what shutdown waits for
	 */
	public ChangeAnnouncer(WebClient client, URI sink, PendingWork sending) {
		this.client = client;
		this.sink = sink;
		this.sending = sending;
	}

	void announce(CloudEvent event) {
		if (this.sink == null) {
			return;
		}
		this.sending.track(Mono.defer(() -> this.client.post()
			.uri(this.sink)
			.headers((headers) -> headers.addAll(CloudEventHttpUtils.toHttp(event)))
			.bodyValue((event.getData() != null) ? event.getData().toBytes() : new byte[0])
			.retrieve()
			.toBodilessEntity()).timeout(TIMEOUT).then().onErrorResume((ex) -> {
				logger.warn("Could not announce {} {} to K_SINK: {}", event.getType(), event.getId(), ex.getMessage());
				return Mono.empty();
			}).toFuture());
	}

}
