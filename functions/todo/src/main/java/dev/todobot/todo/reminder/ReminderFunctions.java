package dev.todobot.todo.reminder;

import java.util.List;
import java.util.function.Function;

import dev.todobot.core.reminder.ReminderService;
import dev.todobot.core.reminder.ReminderView;
import dev.todobot.core.web.FunctionEndpoints;
import dev.todobot.todo.function.CloudEventEndpoints;
import dev.todobot.todo.function.TodoOperation;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The caller's reminders that came due, served at {@code POST /listReminders} and
 * {@code POST /dismissReminders}. The reminders function writes them.
 */
@Configuration(proxyBeanMethods = false)
class ReminderFunctions {

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> listReminders(FunctionEndpoints endpoints,
			CloudEventEndpoints events, ReminderService reminders) {
		return events.of(TodoOperation.LIST_REMINDERS, endpoints.authenticated(ListRemindersRequest.class,
				(caller, request) -> reminders.list(caller.user().id()).map(ReminderList::new)));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> dismissReminders(FunctionEndpoints endpoints,
			CloudEventEndpoints events, ReminderService reminders) {
		return events.of(TodoOperation.DISMISS_REMINDERS, endpoints.authenticated(DismissRequest.class,
				(caller, request) -> reminders.dismiss(caller.user().id(), request.ids()).map(Dismissed::new)));
	}

	/** The body of {@code listReminders}: nothing to choose yet. */
	public record ListRemindersRequest() {
	}

	/** The answer of {@code listReminders}: not dismissed, newest first. */
	public record ReminderList(List<ReminderView> items) {
	}

	/** The body of {@code dismissReminders}. */
	public record DismissRequest(List<Long> ids) {
	}

	/** The answer of {@code dismissReminders}: how many of the ids were dismissed now. */
	public record Dismissed(int dismissed) {
	}

}
