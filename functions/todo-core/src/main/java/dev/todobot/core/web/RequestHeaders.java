package dev.todobot.core.web;

import java.util.Map;

import org.springframework.messaging.Message;

/**
 * A function call's HTTP headers, looked up ignoring case: Spring Cloud Function keeps
 * each name in the case it arrived in.
 *
 * @param values the headers of the function's message
 */
public record RequestHeaders(Map<String, Object> values) {

	public static RequestHeaders of(Message<?> message) {
		return new RequestHeaders(message.getHeaders());
	}

	/**
	 * A header's value.
	 * @param name its name, in any case
	 * @return the value, or {@code null} when it was not sent
	 */
	public String get(String name) {
		for (Map.Entry<String, Object> header : this.values.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
				return header.getValue().toString();
			}
		}
		return null;
	}

}
