package dev.todobot.chat.turn;

import java.util.UUID;

/**
 * A turn failed after its conversation was known, perhaps just started: the answer names
 * the conversation so that the client can continue it. Its cause decides the status.
 */
class TurnFailedException extends RuntimeException {

	private final UUID conversationId;

	TurnFailedException(UUID conversationId, RuntimeException cause) {
		super(cause.getMessage(), cause);
		this.conversationId = conversationId;
	}

	UUID conversationId() {
		return this.conversationId;
	}

}
