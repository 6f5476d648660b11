package dev.todobot.chat.conversation;

import java.time.Duration;

import dev.todobot.core.error.ConflictException;

/**
 * Another turn is being answered in the conversation: turns take their place one at a
 * time, so that their messages never interleave.
 */
public class ConversationBusyException extends ConflictException {

	/** A turn usually takes seconds; its client is told to come back after this. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	public ConversationBusyException() {
		super("A reply is still being written in this conversation; try again when it is done");
	}

}
