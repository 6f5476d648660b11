package dev.todobot.todo;

import java.util.Arrays;

import dev.todobot.core.db.DatabaseMigrations;
import dev.todobot.core.db.DatabaseSettings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The todo function app. With the single argument {@code migrate} it only brings the
 * database schema up to date and exits, as the cluster's migration Job runs it.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class TodoApplication {

	public static void main(String[] args) {
		if (Arrays.asList(args).equals(java.util.List.of("migrate"))) {
			try {
				int applied = DatabaseMigrations.migrate(DatabaseSettings.fromEnvironment(System::getenv));
				System.out.println("Database is up to date (" + applied + " migrations applied)");
				return;
			}
			catch (DatabaseMigrations.DatabaseLinkRefusedException | IllegalArgumentException ex) {
				// a setting to fix, said in one line: a stack trace would only bury it
				System.err.println(ex.getMessage());
				System.exit(1);
			}
		}
		SpringApplication.run(TodoApplication.class, args);
	}

}
