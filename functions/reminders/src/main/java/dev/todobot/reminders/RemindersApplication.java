package dev.todobot.reminders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reminders function app: takes CloudEvents only, from the Broker's Triggers (see
 * {@code charts/todo-app/files/subscriptions.yaml}) and their dead-letter sink.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class RemindersApplication {

	public static void main(String[] args) {
		SpringApplication.run(RemindersApplication.class, args);
	}

}
