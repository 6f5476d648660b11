package dev.todobot.chat.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A message as the conversation shows it: the user's, or the assistant's answer with the
 * tools it ran for it.
 *
 * @param role user or assistant
 * @param toolCalls for an answer, the tools it ran; {@code null} for the user's messages
 */
public record MessageView(String role, String content, List<ToolCall> toolCalls, Instant createdAt) {

}
