package dev.todobot.todo.task;

import java.util.function.Function;

import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.web.FunctionEndpoint;
import dev.todobot.core.web.FunctionEndpoints;
import dev.todobot.core.web.IdempotencyKey;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.todo.function.CloudEventEndpoints;
import dev.todobot.todo.function.TodoOperation;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The task functions, each served at {@code POST /<bean name>}.
 */
@Configuration(proxyBeanMethods = false)
class TaskFunctions {

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> addTask(FunctionEndpoints endpoints, CloudEventEndpoints events,
			TaskService tasks) {
		return events.of(TodoOperation.ADD_TASK, endpoints.authenticated(NewTask.class, (caller, task, headers) -> {
			String key = IdempotencyKey.of(headers.get(IdempotencyKey.HEADER));
			if (key == null) {
				return tasks.add(caller.user().id(), task);
			}
			return tasks.add(caller.user().id(), task, key)
				.map((added) -> added.replayed() ? new FunctionEndpoint.Replayed(added.task()) : added.task());
		}));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> listTasks(FunctionEndpoints endpoints, CloudEventEndpoints events,
			TaskService tasks) {
		return events.of(TodoOperation.LIST_TASKS, endpoints.authenticated(ListTasksRequest.class,
				(caller, request) -> tasks.list(caller.user().id(), caller.user().zone(), request.query())));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> getTask(FunctionEndpoints endpoints, CloudEventEndpoints events,
			TaskService tasks) {
		return events.of(TodoOperation.GET_TASK, endpoints.authenticated(TaskIdRequest.class,
				(caller, request) -> tasks.get(caller.user().id(), request.id())));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> updateTask(FunctionEndpoints endpoints, CloudEventEndpoints events,
			TaskService tasks, JsonBodies json) {
		return events.of(TodoOperation.UPDATE_TASK, endpoints.authenticated(
				(body) -> UpdateTaskRequest.read(json, body),
				(caller, update) -> tasks.update(caller.user().id(), update.id(), update.changes(), update.version())));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> completeTask(FunctionEndpoints endpoints,
			CloudEventEndpoints events, TaskService tasks) {
		return events.of(TodoOperation.COMPLETE_TASK, endpoints.authenticated(CompleteTaskRequest.class,
				(caller, request) -> tasks.complete(caller.user().id(), request.id(), request.version())));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> deleteTask(FunctionEndpoints endpoints, CloudEventEndpoints events,
			TaskService tasks) {
		return events.of(TodoOperation.DELETE_TASK,
				endpoints.authenticated(TaskIdRequest.class,
						(caller, request) -> tasks.delete(caller.user().id(), request.id())
							.map((deleted) -> new DeletedTask(deleted.id(), true))));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> completeTasks(FunctionEndpoints endpoints,
			CloudEventEndpoints events, TaskService tasks) {
		return events.of(TodoOperation.COMPLETE_TASKS, endpoints.authenticated(TaskIdsRequest.class,
				(caller, request) -> tasks.completeAll(caller.user().id(), request.ids()).map(TaskResults::completed)));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> deleteTasks(FunctionEndpoints endpoints,
			CloudEventEndpoints events, TaskService tasks) {
		return events.of(TodoOperation.DELETE_TASKS, endpoints.authenticated(TaskIdsRequest.class,
				(caller, request) -> tasks.deleteAll(caller.user().id(), request.ids()).map(TaskResults::deleted)));
	}

}
