package dev.todobot.todo.function;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.todobot.core.error.InvalidInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.spring.messaging.CloudEventMessageConverter;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A CloudEvent as it arrived: in binary mode ({@code ce-*} headers) or structured mode
 * ({@code application/cloudevents+json}).
 *
 * @param event the event
 * @param mode how it came; the answer goes back the same way
 */
record ReceivedEvent(CloudEvent event, Mode mode) {

	private static final CloudEventMessageConverter converter = new CloudEventMessageConverter();

	/**
	 * Reads the event a request carries.
	 * @param message the request
	 * @return the event, or {@code null} for a plain JSON call
	 * @throws InvalidInputException when the event cannot be read
	 */
	static ReceivedEvent of(Message<byte[]> message) {
		// the CloudEvents converter looks ce-specversion up in lower case only
		Map<String, Object> headers = new HashMap<>();
		message.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
		String contentType = String.valueOf(headers.getOrDefault("content-type", headers.get("contenttype")));
		byte[] body = message.getPayload();
		try {
			if (contentType.toLowerCase(Locale.ROOT).startsWith(JsonFormat.CONTENT_TYPE)) {
				CloudEvent event = EventFormatProvider.getInstance()
					.resolveFormat(JsonFormat.CONTENT_TYPE)
					.deserialize(body);
				return new ReceivedEvent(event, Mode.STRUCTURED);
			}
			if (headers.containsKey("ce-specversion")) {
				headers.put(MessageHeaders.CONTENT_TYPE, contentType);
				CloudEvent event = (CloudEvent) converter
					.fromMessage(MessageBuilder.withPayload(body).copyHeaders(headers).build(), CloudEvent.class);
				return new ReceivedEvent(event, Mode.BINARY);
			}
		}
		catch (EventDeserializationException | CloudEventRWException | IllegalArgumentException ex) {
			throw new InvalidInputException("cloudevent", "The CloudEvent cannot be read: " + ex.getMessage());
		}
		return null;
	}

	/**
	 * The call the event stands for: the request with the event's data as its body, and
	 * the request's headers (the bearer token, the {@code Idempotency-Key}).
	 * @param message the request
	 * @return the call
	 */
	Message<byte[]> call(Message<byte[]> message) {
		byte[] data = (this.event.getData() != null) ? this.event.getData().toBytes() : new byte[0];
		return MessageBuilder.withPayload(data).copyHeaders(message.getHeaders()).build();
	}

	/** How a CloudEvent was sent. */
	enum Mode {

		BINARY, STRUCTURED

	}

}
