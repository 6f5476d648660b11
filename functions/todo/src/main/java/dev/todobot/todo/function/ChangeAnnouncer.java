package dev.todobot.todo.function;

import java.net.URI;
import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.cloudevents.spring.http.CloudEventHttpUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Announces every change as a CloudEvent (binary mode) to {@code K_SINK}, the address
 * Knative's SinkBinding injects. Fire and forget: a slow or broken sink never fails or
 * slows the user's request.
 */
public class ChangeAnnouncer {

	private static final Logger logger = LoggerFactory.getLogger(ChangeAnnouncer.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebClient client;

	private final URI sink;

	/**
	 * @param client the HTTP client
	 * @param sink where to send, or {@code null} to send nothing
	 */
	public ChangeAnnouncer(WebClient client, URI sink) {
		this.client = client;
		this.sink = sink;
	}

	void announce(CloudEvent event) {
		if (this.sink == null) {
			return;
		}
		Mono.defer(() -> this.client.post()
			.uri(this.sink)
			.headers((headers) -> headers.addAll(CloudEventHttpUtils.toHttp(event)))
			.bodyValue((event.getData() != null) ? event.getData().toBytes() : new byte[0])
			.retrieve()
			.toBodilessEntity())
			.timeout(TIMEOUT)
			.subscribe(null, (ex) -> logger.warn("Could not announce {} {} to K_SINK: {}", event.getType(),
					event.getId(), ex.getMessage()));
	}

}
