package dev.todobot.chat.turn;

import java.util.UUID;

import dev.todobot.core.error.InvalidInputException;

/**
 * The body of {@code chat}.
 *
 * @param message what the user says, 1 to 4,000 characters
 * @param conversationId the conversation to continue, or {@code null} to start one
 */
public record ChatRequest(String message, UUID conversationId) {

	static final int MAX_MESSAGE = 4000;

	public ChatRequest {
		if (message == null || message.isBlank()) {
			throw new InvalidInputException("message", "message must not be empty");
		}
		if (message.length() > MAX_MESSAGE) {
			throw new InvalidInputException("message",
					"message must be at most " + MAX_MESSAGE + " characters, not " + message.length());
		}
	}

}
