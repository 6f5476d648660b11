package dev.todobot.chat.conversation;

import java.util.UUID;

/**
 * How a turn begins: it runs, or its key says it was answered already.
 */
public sealed interface TurnStart {

	UUID conversationId();

	/**
	 * The turn holds its conversation and runs.
	 *
	 * @param turnId this turn's hold on the conversation
	 * @param idempotencyKey the caller's key, or {@code null}
	 */
	record Claimed(UUID conversationId, UUID turnId, long userId, String idempotencyKey) implements TurnStart {
	}

	/**
	 * A retried turn whose first attempt was answered.
	 *
	 * @param replyId the message that answered it
	 */
	record Answered(UUID conversationId, long replyId) implements TurnStart {
	}

}
