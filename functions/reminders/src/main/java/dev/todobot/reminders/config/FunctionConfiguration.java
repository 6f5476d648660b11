package dev.todobot.reminders.config;

import dev.todobot.core.db.Database;
import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.EventSinkConfiguration;
import dev.todobot.core.reminder.DueReminders;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.reminders.event.NoEventAnswersFilter;
import dev.todobot.reminders.tick.ReminderSender;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(EventSinkConfiguration.class)
class FunctionConfiguration {

	@Bean
	DueReminders dueReminders(Database database) {
		return new DueReminders(database);
	}

	@Bean
	ReminderSender reminderSender(CloudEventSender sender, JsonBodies json) {
		return new ReminderSender(sender, json);
	}

	@Bean
	NoEventAnswersFilter noEventAnswersFilter() {
		return new NoEventAnswersFilter();
	}

}
