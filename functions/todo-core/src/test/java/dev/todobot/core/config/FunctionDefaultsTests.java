package dev.todobot.core.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function starts with todo-core's shared defaults, ranked below its own
 * configuration.
 */
class FunctionDefaultsTests {

	/** This test's application.properties stands for a function's own. */
	private static final String OWN_CONFIGURATION = "--spring.config.location=classpath:/function-defaults-tests/application.properties";

	@Test
	void aFunctionGetsTheSharedDefaults() {
		try (ConfigurableApplicationContext app = run(application())) {
			Environment environment = app.getEnvironment();
			assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
				.isEqualTo("readinessState,database");
			assertThat(environment.getProperty("spring.codec.max-in-memory-size")).isEqualTo("64KB");
			assertThat(environment.getProperty("logging.level.org.hibernate.orm.deprecation")).isEqualTo("error");
		}
	}

	@Test
	void theFunctionsOwnConfigurationWinsOverTheDefaults() {
		try (ConfigurableApplicationContext app = run(application())) {
			assertThat(app.getEnvironment().getProperty("server.shutdown")).isEqualTo("immediate");
		}
	}

	@Test
	void argumentsWinOverBoth() {
		try (ConfigurableApplicationContext app = run(application(), "--server.shutdown=graceful",
				"--spring.codec.max-in-memory-size=1KB")) {
			assertThat(app.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
			assertThat(app.getEnvironment().getProperty("spring.codec.max-in-memory-size")).isEqualTo("1KB");
		}
	}

	@Test
	void anApplicationsDefaultPropertiesRankBelowTheSharedDefaults() {
		SpringApplication application = application();
		application.setDefaultProperties(Map.of("spring.codec.max-in-memory-size", "1MB", "example.only-here", "yes"));
		try (ConfigurableApplicationContext app = run(application)) {
			assertThat(app.getEnvironment().getProperty("spring.codec.max-in-memory-size")).isEqualTo("64KB");
			assertThat(app.getEnvironment().getProperty("example.only-here")).isEqualTo("yes");
		}
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(NoBeans.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	private static ConfigurableApplicationContext run(SpringApplication application, String... args) {
		String[] all = new String[args.length + 1];
		all[0] = OWN_CONFIGURATION;
		System.arraycopy(args, 0, all, 1, args.length);
		return application.run(all);
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
