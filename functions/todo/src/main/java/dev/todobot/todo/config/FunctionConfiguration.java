package dev.todobot.todo.config;

import java.net.URI;

import dev.todobot.core.user.TokenService;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.todo.function.ChangeAnnouncer;
import dev.todobot.todo.function.FunctionEndpoints;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class FunctionConfiguration {

	@Bean
	ChangeAnnouncer changeAnnouncer(WebClient.Builder webClient, @Value("${K_SINK:}") String sink) {
		return new ChangeAnnouncer(webClient.build(), sink.isBlank() ? null : URI.create(sink));
	}

	@Bean
	FunctionEndpoints functionEndpoints(JsonBodies json, TokenService tokens, ChangeAnnouncer announcer) {
		return new FunctionEndpoints(json, tokens, announcer);
	}

}
