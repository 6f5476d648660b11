package dev.todobot.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every function shares, from {@code function-defaults.properties}: the
 * port, graceful shutdown, the body limit, the health probes and the log levels. They
 * come after the function's own {@code application.properties}, so a function can
 * override any of them there, and the environment and arguments override both.
 * <p>
 * Registered in {@code META-INF/spring.factories}, and run when the environment is
 * prepared, also when the bean definitions come from the build (Spring AOT).
 */
public class FunctionDefaults implements EnvironmentPostProcessor, Ordered {

	static final String RESOURCE = "function-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<PropertySource<?>> defaults;
		try {
			defaults = new PropertiesPropertySourceLoader().load("function defaults (todo-core " + RESOURCE + ")",
					new ClassPathResource(RESOURCE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("todo-core's " + RESOURCE + " cannot be read", ex);
		}
		defaults.forEach(environment.getPropertySources()::addLast);
		// what an application sets with SpringApplication.setDefaultProperties stays last
		DefaultPropertiesPropertySource.moveToEnd(environment);
	}

	/**
	 * Runs after the configuration files are read: added last, the defaults then rank
	 * below them.
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
