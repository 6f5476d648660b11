package dev.todobot.chat.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation in the list the user picks from.
 */
public record ConversationView(UUID id, String title, Instant updatedAt) {

}
