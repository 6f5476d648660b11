package dev.todobot.core.web;

import java.util.Set;

import dev.todobot.core.user.TokenService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP behaviour every function app shares: the function endpoints (bearer token,
 * strict JSON), request limits, JSON answers, filtered response headers and problem+json
 * errors.
 */
@AutoConfiguration(after = dev.todobot.core.config.TodoCoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class FunctionWebAutoConfiguration {

	@Bean
	JsonBodies jsonBodies() {
		return new JsonBodies();
	}

	@Bean
	FunctionEndpoints functionEndpoints(JsonBodies jsonBodies, TokenService tokens) {
		return new FunctionEndpoints(jsonBodies, tokens);
	}

	@Bean
	ProblemExceptionHandler problemExceptionHandler(JsonBodies jsonBodies) {
		return new ProblemExceptionHandler(jsonBodies);
	}

	@Bean
	RequestLimitsFilter requestLimitsFilter() {
		return new RequestLimitsFilter();
	}

	/**
	 * JSON answers everywhere; an app with an event stream of its own declares its own.
	 */
	@Bean
	@ConditionalOnMissingBean
	JsonAnswersFilter jsonAnswersFilter() {
		return new JsonAnswersFilter(Set.of());
	}

	@Bean
	ResponseHeadersFilter responseHeadersFilter() {
		return new ResponseHeadersFilter();
	}

}
