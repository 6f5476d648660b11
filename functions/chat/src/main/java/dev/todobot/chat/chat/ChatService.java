package dev.todobot.chat.chat;

import java.util.UUID;

import dev.todobot.chat.agent.ChatAgent;
import dev.todobot.chat.agent.ChatTurn;
import dev.todobot.chat.agent.TurnListener;
import dev.todobot.chat.conversation.ConversationStore;
import dev.todobot.core.web.AuthenticatedFunctions.Caller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One chat turn for a signed-in caller, in the conversation they name or a new one.
 */
public class ChatService {

	private final ConversationStore conversations;

	private final ChatAgent agent;

	public ChatService(ConversationStore conversations, ChatAgent agent) {
		this.conversations = conversations;
		this.agent = agent;
	}

	/**
	 * Answers at once.
	 */
	public Mono<ChatTurn> chat(Caller caller, ChatRequest request) {
		return conversation(caller, request).flatMap((conversationId) -> Mono
			.fromCallable(() -> this.agent.chat(caller.authorization(), conversationId, request.message()))
			.subscribeOn(Schedulers.boundedElastic()));
	}

	/**
	 * Streams the answer to a listener once the conversation is known.
	 * @return the conversation, once the turn has started
	 */
	public Mono<UUID> stream(Caller caller, ChatRequest request, TurnListener listener) {
		return conversation(caller, request).publishOn(Schedulers.boundedElastic())
			.doOnNext((conversationId) -> this.agent.stream(caller.authorization(), conversationId, request.message(),
					listener));
	}

	private Mono<UUID> conversation(Caller caller, ChatRequest request) {
		long userId = caller.user().id();
		return (request.conversationId() != null) ? this.conversations.requireOwned(userId, request.conversationId())
				: this.conversations.start(userId, request.message());
	}

}
