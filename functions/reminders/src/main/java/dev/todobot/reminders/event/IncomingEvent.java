package dev.todobot.reminders.event;

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
 * Reads the CloudEvent a request carries, in binary mode ({@code ce-*} headers) or
 * structured mode ({@code application/cloudevents+json}), as Knative's Broker and
 * PingSource send them. Anything else is refused with 400, before anything is written.
 */
public final class IncomingEvent {

	private static final CloudEventMessageConverter BINARY = new CloudEventMessageConverter();

	private IncomingEvent() {
	}

	/**
	 * Reads the event.
	 * @param message the request
	 * @return the event
	 * @throws InvalidInputException when the request is no CloudEvent, or one that cannot
	 * be read
	 */
	public static CloudEvent of(Message<byte[]> message) {
		// the CloudEvents converter looks ce-specversion up in lower case only
		Map<String, Object> headers = new HashMap<>();
		message.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
		String contentType = String.valueOf(headers.getOrDefault("content-type", headers.get("contenttype")));
		try {
			if (contentType.toLowerCase(Locale.ROOT).startsWith(JsonFormat.CONTENT_TYPE)) {
				return EventFormatProvider.getInstance()
					.resolveFormat(JsonFormat.CONTENT_TYPE)
					.deserialize(message.getPayload());
			}
			if (headers.containsKey("ce-specversion")) {
				headers.put(MessageHeaders.CONTENT_TYPE, contentType);
				return (CloudEvent) BINARY.fromMessage(
						MessageBuilder.withPayload(message.getPayload()).copyHeaders(headers).build(),
						CloudEvent.class);
			}
		}
		catch (EventDeserializationException | CloudEventRWException | IllegalArgumentException ex) {
			throw new InvalidInputException("cloudevent", "The CloudEvent cannot be read: " + ex.getMessage());
		}
		throw new InvalidInputException("cloudevent",
				"This function takes CloudEvents only, in binary mode (ce-* headers) or structured mode ("
						+ JsonFormat.CONTENT_TYPE + ")");
	}

	/**
	 * Reads the event and checks its type.
	 * @param message the request
	 * @param type the type the route takes
	 * @return the event
	 * @throws InvalidInputException when the request is no CloudEvent of that type
	 */
	public static CloudEvent of(Message<byte[]> message, String type) {
		CloudEvent event = of(message);
		if (!type.equals(event.getType())) {
			throw new InvalidInputException("ce-type",
					"This route takes CloudEvents of type '" + type + "', not '" + event.getType() + "'");
		}
		return event;
	}

}
