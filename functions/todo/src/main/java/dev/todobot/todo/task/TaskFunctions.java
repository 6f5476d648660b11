package dev.todobot.todo.task;

import java.util.function.Function;

import dev.todobot.core.task.NewTask;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.web.JsonBodies;
import dev.todobot.todo.function.FunctionEndpoints;
import dev.todobot.todo.function.TodoOperation;
import dev.todobot.core.web.IdempotencyKey;
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
	Function<Message<byte[]>, Mono<Message<byte[]>>> addTask(FunctionEndpoints endpoints, TaskService tasks) {
		return endpoints.authenticated(TodoOperation.ADD_TASK, NewTask.class, (user, task, request) -> {
			String key = IdempotencyKey.of(request.header(IdempotencyKey.HEADER));
			if (key == null) {
				return tasks.add(user.id(), task);
			}
			return tasks.add(user.id(), task, key)
				.map((added) -> added.replayed() ? new FunctionEndpoints.Replayed(added.task()) : added.task());
		});
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> listTasks(FunctionEndpoints endpoints, TaskService tasks) {
		return endpoints.authenticated(TodoOperation.LIST_TASKS, ListTasksRequest.class,
				(user, request) -> tasks.list(user.id(), request.query()));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> getTask(FunctionEndpoints endpoints, TaskService tasks) {
		return endpoints.authenticated(TodoOperation.GET_TASK, TaskIdRequest.class,
				(user, request) -> tasks.get(user.id(), request.id()));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> updateTask(FunctionEndpoints endpoints, TaskService tasks,
			JsonBodies json) {
		return endpoints.authenticated(TodoOperation.UPDATE_TASK, (body) -> UpdateTaskRequest.read(json, body),
				(user, update) -> tasks.update(user.id(), update.id(), update.changes(), update.version()));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> completeTask(FunctionEndpoints endpoints, TaskService tasks) {
		return endpoints.authenticated(TodoOperation.COMPLETE_TASK, CompleteTaskRequest.class,
				(user, request) -> tasks.complete(user.id(), request.id(), request.version()));
	}

	@Bean
	Function<Message<byte[]>, Mono<Message<byte[]>>> deleteTask(FunctionEndpoints endpoints, TaskService tasks) {
		return endpoints.authenticated(TodoOperation.DELETE_TASK, TaskIdRequest.class,
				(user, request) -> tasks.delete(user.id(), request.id())
					.map((deleted) -> new DeletedTask(deleted.id(), true)));
	}

}
