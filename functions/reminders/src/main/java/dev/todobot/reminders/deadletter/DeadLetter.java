package dev.todobot.reminders.deadletter;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An event the Broker gave up on, as kept for an operator.
 *
 * @param id its number here
 * @param eventId the event's {@code id}
 * @param type the event's {@code type}
 * @param source the event's {@code source}
 * @param errorDestination where it could not be delivered ({@code knativeerrordest})
 * @param errorCode the last answer's HTTP status ({@code knativeerrorcode}), or
 * {@code null}
 * @param errorData the last answer's body, as Knative gives it ({@code knativeerrordata},
 * base64), or {@code null}
 * @param event the whole event in CloudEvents' JSON format, its extensions included
 * @param receivedAt when it arrived here
 */
public record DeadLetter(long id, String eventId, String type, String source, String errorDestination,
		Integer errorCode, String errorData, JsonNode event, Instant receivedAt) {

}
