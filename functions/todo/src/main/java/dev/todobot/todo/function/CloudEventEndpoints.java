package dev.todobot.todo.function;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.event.CloudEventSender;
import dev.todobot.core.event.TaskEvent;
import dev.todobot.core.event.TaskEvents;
import dev.todobot.core.task.TaskView;
import dev.todobot.core.web.FunctionEndpoint;
import dev.todobot.core.web.JsonBodies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.spring.messaging.CloudEventMessageConverter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Adds CloudEvents to a todo-core {@link FunctionEndpoint}: the endpoint also takes a
 * CloudEvent of the operation's request type, binary or structured, with the body as its
 * data, and answers it with a CloudEvent of the reply type in the same mode. A plain JSON
 * call gets the endpoint's own answer. Every change, however it was asked for, is
 * announced to {@code K_SINK}; a replayed one is not, as nothing changed. An update that
 * completes an open task is announced as a completion, though it answers as an update.
 */
public class CloudEventEndpoints {

	private static final URI SOURCE = URI.create("/todo");

	private static final CloudEventMessageConverter BINARY = new CloudEventMessageConverter();

	private final CloudEventSender sender;

	private final TaskEvents events;

	private final JsonBodies json;

	/**
	 * @param sender sends the announcements
	 * @param events builds the announcements and the answers to a change
	 * @param json reads the answers
	 */
	public CloudEventEndpoints(CloudEventSender sender, TaskEvents events, JsonBodies json) {
		this.sender = sender;
		this.events = events;
		this.json = json;
	}

	/**
	 * Decorates an endpoint.
	 * @param operation what it does, which names its CloudEvent types
	 * @param endpoint the endpoint
	 * @return the function to serve
	 */
	public Function<Message<byte[]>, Mono<Message<byte[]>>> of(TodoOperation operation, FunctionEndpoint endpoint) {
		return (message) -> Mono.defer(() -> {
			ReceivedEvent received = ReceivedEvent.of(message);
			if (received == null) {
				return endpoint.call(message).map((answer) -> plain(operation, answer));
			}
			if (!operation.requestType().equals(received.event().getType())) {
				throw new InvalidInputException("ce-type", "This function takes CloudEvents of type '"
						+ operation.requestType() + "', not '" + received.event().getType() + "'");
			}
			return endpoint.call(received.call(message)).map((answer) -> reply(operation, answer, received.mode()));
		});
	}

	private Message<byte[]> plain(TodoOperation operation, FunctionEndpoint.Answer answer) {
		announce(operation, answer, null);
		return answer.message();
	}

	private Message<byte[]> reply(TodoOperation operation, FunctionEndpoint.Answer answer, ReceivedEvent.Mode mode) {
		CloudEvent event = event(operation, answer);
		announce(operation, answer, event);
		if (mode == ReceivedEvent.Mode.STRUCTURED) {
			byte[] structured = EventFormatProvider.getInstance()
				.resolveFormat(JsonFormat.CONTENT_TYPE)
				.serialize(event);
			return MessageBuilder.withPayload(structured)
				.setHeader(MessageHeaders.CONTENT_TYPE, JsonFormat.CONTENT_TYPE)
				.setHeader(HttpHeaders.CONTENT_TYPE, JsonFormat.CONTENT_TYPE)
				.build();
		}
		@SuppressWarnings("unchecked")
		Message<byte[]> binary = (Message<byte[]>) BINARY.toMessage(event, new MessageHeaders(Map.of()));
		return binary;
	}

	/**
	 * Announces what a call changed.
	 * @param reply the CloudEvent answering the call, announced as it is when it tells
	 * the change, or {@code null}
	 */
	private void announce(TodoOperation operation, FunctionEndpoint.Answer answer, CloudEvent reply) {
		if (operation.change() && !answer.replayed()) {
			TaskEvent type = operation.announced();
			if (type == TaskEvent.UPDATED) {
				type = TaskEvent.ofUpdate(this.json.convert(this.json.readTree(answer.body()), TaskView.class));
			}
			this.sender.announce((reply != null && reply.getType().equals(type.type())) ? reply
					: this.events.of(type, answer.caller().user().id(), taskId(answer), answer.body()));
		}
		announceEach(operation, answer);
	}

	/**
	 * Announces each task an operation on several tasks changed, as if it had been
	 * changed alone: consumers (a Trigger on todo.task.completed) see one kind of event
	 * however the change was asked for.
	 */
	private void announceEach(TodoOperation operation, FunctionEndpoint.Answer answer) {
		TaskEvent each = operation.announcedEach();
		if (each == null) {
			return;
		}
		for (JsonNode result : JsonMapper.shared().readTree(answer.body()).path("results")) {
			if (!result.path("ok").asBoolean()) {
				continue;
			}
			long userId = answer.caller().user().id();
			long id = result.path("id").asLong();
			this.sender.announce((each == TaskEvent.DELETED) ? this.events.deleted(userId, id)
					: this.events.of(each, userId, id, JsonMapper.shared().writeValueAsBytes(result.path("task"))));
		}
	}

	/** The task a change answered with: the task, or the deleted task's id. */
	private static long taskId(FunctionEndpoint.Answer answer) {
		return JsonMapper.shared().readTree(answer.body()).path("id").asLong();
	}

	/**
	 * The answer as a CloudEvent: for a change the same event answers the caller and is
	 * announced.
	 */
	private CloudEvent event(TodoOperation operation, FunctionEndpoint.Answer answer) {
		if (operation.change()) {
			return this.events.of(operation.announced(), answer.caller().user().id(), taskId(answer), answer.body());
		}
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(SOURCE)
			.withType(operation.replyType())
			.withTime(OffsetDateTime.now(ZoneOffset.UTC))
			.withDataContentType(MediaType.APPLICATION_JSON_VALUE)
			.withData(answer.body());
		if (answer.caller() != null) {
			builder.withExtension("userid", Long.toString(answer.caller().user().id()));
		}
		return builder.build();
	}

}
