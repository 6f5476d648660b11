package dev.todobot.todo.config;

import java.net.URI;

import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.EventSinkConfiguration;
import dev.todobot.core.event.TaskEvents;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.todo.function.CloudEventEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(EventSinkConfiguration.class)
class FunctionConfiguration {

	@Bean
	CloudEventEndpoints cloudEventEndpoints(CloudEventSender sender, JsonBodies json) {
		return new CloudEventEndpoints(sender, new TaskEvents(URI.create("/todo"), json), json);
	}

}
