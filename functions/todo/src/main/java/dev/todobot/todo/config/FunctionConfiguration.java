package dev.todobot.todo.config;

import java.net.URI;

import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.TaskEvents;
import dev.todobot.core.lifecycle.PendingWork;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.todo.function.CloudEventEndpoints;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class FunctionConfiguration {

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

	@Bean
	CloudEventEndpoints cloudEventEndpoints(CloudEventSender sender, JsonBodies json) {
		return new CloudEventEndpoints(sender, new TaskEvents(URI.create("/todo"), json), json);
	}

}
