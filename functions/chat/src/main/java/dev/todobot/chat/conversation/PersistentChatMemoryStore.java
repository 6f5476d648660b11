package dev.todobot.chat.conversation;

import java.util.List;
import java.util.UUID;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

/**
 * The assistant's memory, kept in the database so that any replica, or a fresh one after
 * scale-to-zero, continues a conversation. Every message is kept; the model is sent the
 * latest window of them.
 */
public class PersistentChatMemoryStore implements ChatMemoryStore {

	private final ConversationStore conversations;

	private final TurnStore turns;

	private final int window;

	/**
	 * @param conversations where messages live
	 * @param turns whose leases each kept message renews
	 * @param window how many of the latest messages the model sees
	 */
	public PersistentChatMemoryStore(ConversationStore conversations, TurnStore turns, int window) {
		this.conversations = conversations;
		this.turns = turns;
		this.window = window;
	}

	@Override
	public List<ChatMessage> getMessages(Object memoryId) {
		return this.conversations.recent((UUID) memoryId, this.window);
	}

	/**
	 * The memory hands over its whole window after each message it takes: only the newest
	 * message is new, unless the call only replaced the system message. A turn keeps a
	 * message after each wait for the model or a tool, so each one renews its lease.
	 */
	@Override
	public void updateMessages(Object memoryId, List<ChatMessage> messages) {
		List<ChatMessage> conversation = messages.stream()
			.filter((message) -> !(message instanceof SystemMessage))
			.toList();
		if (conversation.isEmpty()) {
			return;
		}
		this.conversations.appendIfNew((UUID) memoryId, conversation.getLast());
		this.turns.renew((UUID) memoryId).block();
	}

	@Override
	public void deleteMessages(Object memoryId) {
		throw new UnsupportedOperationException("Conversations are kept; they are never cleared");
	}

}
