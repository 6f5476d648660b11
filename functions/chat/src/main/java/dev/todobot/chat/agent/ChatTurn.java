package dev.todobot.chat.agent;

import java.util.List;
import java.util.UUID;

import dev.todobot.chat.conversation.ToolCall;

/**
 * The answer to one chat message.
 *
 * @param reply what the assistant says
 * @param toolCalls the tools it ran, in order, so a client can show what changed
 */
public record ChatTurn(UUID conversationId, String reply, List<ToolCall> toolCalls) {

}
