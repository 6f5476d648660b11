package dev.todobot.chat.agent;

import dev.todobot.chat.conversation.ToolCall;

/**
 * Hears a streamed turn as it happens.
 */
public interface TurnListener {

	/** A piece of the reply's text. */
	void onDelta(String text);

	/** A tool finished. */
	void onTool(ToolCall toolCall);

	/** The turn is complete and kept. */
	void onDone(ChatTurn turn);

	/** The turn failed; already translated for the caller. */
	void onError(RuntimeException failure);

}
