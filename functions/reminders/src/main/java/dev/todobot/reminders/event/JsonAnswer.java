package dev.todobot.reminders.event;

import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A route's answer: plain JSON, never a CloudEvent. A Trigger's subscriber that answers
 * with a CloudEvent has it sent back into the Broker, and these answers are reports, not
 * events.
 */
public final class JsonAnswer {

	private JsonAnswer() {
	}

	/**
	 * The answer as Spring Cloud Function sends it: 200 with the JSON body.
	 * @param json the body
	 * @return the message
	 */
	public static Message<byte[]> of(byte[] json) {
		return MessageBuilder.withPayload(json)
			.setHeader(MessageHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

}
