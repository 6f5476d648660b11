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
 * A function call as it arrived: plain JSON, or a CloudEvent in binary mode ({@code ce-*}
 * headers) or structured mode ({@code application/cloudevents+json}).
 *
 * @param headers the HTTP headers, names lower-cased
 * @param event the CloudEvent, or {@code null} for a plain call
 * @param mode how the event came, or {@code null} for a plain call
 * @param data the JSON body, or the event's data
 */
public record IncomingRequest(Map<String, Object> headers, CloudEvent event, EventMode mode, byte[] data) {

	private static final CloudEventMessageConverter converter = new CloudEventMessageConverter();

	static IncomingRequest of(Message<byte[]> message) {
		Map<String, Object> headers = new HashMap<>();
		message.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
		String contentType = String.valueOf(headers.getOrDefault("content-type", headers.get("contenttype")));
		byte[] body = message.getPayload();
		try {
			if (contentType.toLowerCase(Locale.ROOT).startsWith(JsonFormat.CONTENT_TYPE)) {
				CloudEvent event = EventFormatProvider.getInstance()
					.resolveFormat(JsonFormat.CONTENT_TYPE)
					.deserialize(body);
				return new IncomingRequest(headers, event, EventMode.STRUCTURED, data(event));
			}
			if (headers.containsKey("ce-specversion")) {
				Map<String, Object> eventHeaders = new HashMap<>(headers);
				eventHeaders.put(MessageHeaders.CONTENT_TYPE, contentType);
				CloudEvent event = (CloudEvent) converter
					.fromMessage(MessageBuilder.withPayload(body).copyHeaders(eventHeaders).build(), CloudEvent.class);
				return new IncomingRequest(headers, event, EventMode.BINARY, data(event));
			}
		}
		catch (EventDeserializationException | CloudEventRWException | IllegalArgumentException ex) {
			throw new InvalidInputException("cloudevent", "The CloudEvent cannot be read: " + ex.getMessage());
		}
		return new IncomingRequest(headers, null, null, body);
	}

	/**
	 * A header's value.
	 * @param name its name, in any case
	 * @return the value, or {@code null} when it was not sent
	 */
	public String header(String name) {
		Object value = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (value != null) ? value.toString() : null;
	}

	private static byte[] data(CloudEvent event) {
		return (event.getData() != null) ? event.getData().toBytes() : new byte[0];
	}

	/** How a CloudEvent was sent; the answer goes back the same way. */
	public enum EventMode {

		BINARY, STRUCTURED

	}

}
