package dev.todobot.core.event;

import java.net.URI;

import dev.todobot.core.lifecycle.PendingWork;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sender of a function that announces CloudEvents to {@code K_SINK} (Knative's
 * SinkBinding injects it; without it nothing is sent), and the wait at shutdown for what
 * it still sends. A function that announces imports it.
 */
@Configuration(proxyBeanMethods = false)
public class EventSinkConfiguration {

	@Bean
	CloudEventSender cloudEventSender(WebClient.Builder webClient, @Value("${K_SINK:}") String sink,
			PendingWork announcements) {
		return new CloudEventSender(webClient.build(), sink.isBlank() ? null : URI.create(sink), announcements);
	}

	/**
	 * Waits once the web server has stopped: no request is left to announce anything
	 * more, and the HTTP client is still open.
	 */
	@Bean
	PendingWork announcements() {
		return new PendingWork(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1);
	}

}
