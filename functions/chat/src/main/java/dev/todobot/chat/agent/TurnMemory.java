package dev.todobot.chat.agent;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.memory.ChatMemory;

/**
 * A conversation's memory for one turn: the stored window, which keeps no system message
 * (it is made fresh for each turn, with the caller's day), and this turn's system message
 * in front of it. Without it the model would never see its instructions, since the memory
 * reads its messages back from the store.
 */
final class TurnMemory implements ChatMemory {

	private final ChatMemory stored;

	private volatile SystemMessage system;

	TurnMemory(ChatMemory stored) {
		this.stored = stored;
	}

	@Override
	public Object id() {
		return this.stored.id();
	}

	@Override
	public void add(ChatMessage message) {
		if (message instanceof SystemMessage instructions) {
			this.system = instructions;
		}
		else {
			this.stored.add(message);
		}
	}

	@Override
	public List<ChatMessage> messages() {
		List<ChatMessage> messages = new ArrayList<>();
		if (this.system != null) {
			messages.add(this.system);
		}
		messages.addAll(this.stored.messages());
		return messages;
	}

	@Override
	public void clear() {
		this.stored.clear();
	}

}
