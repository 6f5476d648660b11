package dev.todobot.reminders.config;

import java.net.URI;

import dev.todobot.core.db.Database;
import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.reminder.DueReminders;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.reminders.event.NoEventAnswersFilter;
import dev.todobot.reminders.tick.ReminderSender;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class FunctionConfiguration {

	@Bean
	DueReminders dueReminders(Database database) {
		return new DueReminders(database);
	}

	@Bean
	ReminderSender reminderSender(WebClient.Builder webClient, @Value("${K_SINK:}") String sink, JsonBodies json) {
		// a tick waits for the events it sends
		return new ReminderSender(new CloudEventSender(webClient.build(), sink.isBlank() ? null : URI.create(sink)),
				json);
	}

	@Bean
	NoEventAnswersFilter noEventAnswersFilter() {
		return new NoEventAnswersFilter();
	}

}
