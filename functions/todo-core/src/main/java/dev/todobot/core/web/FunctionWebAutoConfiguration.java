package dev.todobot.core.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.todobot.core.db.EventLoops;
import dev.todobot.core.user.TokenService;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.messaging.Message;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

/**
 * The HTTP behaviour every function app shares: the function endpoints (bearer token,
 * strict JSON), request limits, JSON answers, filtered response headers and problem+json
 * errors.
 */
@AutoConfiguration(after = dev.todobot.core.config.TodoCoreAutoConfiguration.class,
		beforeName = "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class FunctionWebAutoConfiguration {

	/**
	 * The app's functions served by plain handlers, ahead of Spring Cloud Function's
	 * controller.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	RouterFunctionMapping functionRoutes(ListableBeanFactory beans, Environment environment,
			ServerCodecConfigurer codecs) {
		ResolvableType bytes = ResolvableType.forClassWithGenerics(Message.class, byte[].class);
		ResolvableType shape = ResolvableType.forClassWithGenerics(Function.class, bytes,
				ResolvableType.forClassWithGenerics(Mono.class, bytes));
		Map<String, Function<Message<byte[]>, Mono<Message<byte[]>>>> candidates = new HashMap<>();
		for (String name : beans.getBeanNamesForType(shape)) {
			candidates.put(name, beans.getBean(name, Function.class));
		}
		return FunctionRoutes.mapping(
				FunctionRoutes.named(environment.getProperty("spring.cloud.function.definition", ""), candidates),
				codecs);
	}

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

	/**
	 * Serves HTTP on the database client's event loops, so that a request and its
	 * database work run on one thread.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactorResourceFactory.class)
	@ConditionalOnBean(EventLoops.class)
	static class SharedEventLoopsConfiguration {

		/**
		 * The loops the web server binds on: Boot 4's web server takes them from this
		 * factory when it starts, after every {@code NettyServerCustomizer}, so a
		 * customizer cannot choose them.
		 */
		@Bean
		ReactorResourceFactory reactorResourceFactory(EventLoops loops) {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			resources.setLoopResources(new SharedLoopResources(loops));
			return resources;
		}

	}

}
