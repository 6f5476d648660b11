package dev.todobot.chat.turn;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.todobot.chat.agent.ChatAgent;
import dev.todobot.chat.agent.ChatTurn;
import dev.todobot.chat.agent.TurnListener;
import dev.todobot.chat.conversation.ConversationStore;
import dev.todobot.chat.conversation.MessageView;
import dev.todobot.chat.conversation.ToolCall;
import dev.todobot.chat.conversation.TurnStart;
import dev.todobot.chat.conversation.TurnStore;
import dev.todobot.core.web.Caller;
import dev.todobot.core.lifecycle.PendingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One chat turn for a signed-in caller, in the conversation they name or a new one. Turns
 * in one conversation run one at a time ({@link TurnStore}); a turn retried with its
 * {@code Idempotency-Key} gets the answer it got before. A turn is detached from its
 * request: once begun it runs to its end, kept, even when its client leaves, and shutdown
 * waits for it ({@link PendingWork}).
 */
public class ChatService {

	private static final Logger logger = LoggerFactory.getLogger(ChatService.class);

	private final ConversationStore conversations;

	private final TurnStore turns;

	private final ChatAgent agent;

	private final PendingWork running;

	ChatService(ConversationStore conversations, TurnStore turns, ChatAgent agent, PendingWork running) {
		this.conversations = conversations;
		this.turns = turns;
		this.agent = agent;
		this.running = running;
	}

	/**
	 * Answers at once.
	 * @param idempotencyKey the caller's key for this turn, or {@code null}
	 */
	public Mono<ChatTurn> chat(Caller caller, ChatRequest request, String idempotencyKey) {
		return Mono.defer(() -> {
			CompletableFuture<ChatTurn> turn = begin(caller, request, idempotencyKey).map((start) -> switch (start) {
				case TurnStart.Answered answered -> stored(answered);
				case TurnStart.Claimed claimed -> answer(caller, request.message(), claimed);
			}).toFuture();
			this.running.track(turn);
			// the caller leaving does not cancel the turn
			return Mono.fromFuture(turn, true);
		});
	}

	/**
	 * Streams the answer to a listener.
	 * @param idempotencyKey the caller's key for this turn, or {@code null}
	 * @return the conversation, once the turn has begun
	 */
	public Mono<UUID> stream(Caller caller, ChatRequest request, String idempotencyKey, TurnListener listener) {
		return Mono.defer(() -> {
			CompletableFuture<UUID> begun = new CompletableFuture<>();
			CompletableFuture<Void> ended = begin(caller, request, idempotencyKey)
				.flatMap((start) -> Mono.fromFuture(() -> {
					begun.complete(start.conversationId());
					return switch (start) {
						case TurnStart.Answered answered -> replay(answered, listener);
						case TurnStart.Claimed claimed -> stream(caller, request.message(), claimed, listener);
					};
				}))
				.doOnError(begun::completeExceptionally)
				.toFuture();
			this.running.track(ended);
			return Mono.fromFuture(begun, true);
		});
	}

	/**
	 * Begins a turn off the event loop: what follows blocks.
	 */
	private Mono<TurnStart> begin(Caller caller, ChatRequest request, String idempotencyKey) {
		return this.turns.begin(caller.user().id(), request.conversationId(), request.message(), idempotencyKey)
			.publishOn(Schedulers.boundedElastic());
	}

	private ChatTurn answer(Caller caller, String message, TurnStart.Claimed turn) {
		ChatTurn answer;
		try {
			answer = this.agent.chat(caller, turn.conversationId(), message);
		}
		catch (RuntimeException ex) {
			finish(turn, false);
			throw new TurnFailedException(turn.conversationId(), ex);
		}
		finish(turn, true);
		return answer;
	}

	private CompletableFuture<Void> stream(Caller caller, String message, TurnStart.Claimed turn,
			TurnListener listener) {
		CompletableFuture<Void> ended = new CompletableFuture<>();
		TurnListener finishing = new TurnListener() {

			@Override
			public void onDelta(String text) {
				listener.onDelta(text);
			}

			@Override
			public void onTool(ToolCall toolCall) {
				listener.onTool(toolCall);
			}

			@Override
			public void onDone(ChatTurn answer) {
				try {
					finish(turn, true);
					listener.onDone(answer);
				}
				finally {
					ended.complete(null);
				}
			}

			@Override
			public void onError(RuntimeException failure) {
				try {
					finish(turn, false);
					listener.onError(new TurnFailedException(turn.conversationId(), failure));
				}
				finally {
					ended.complete(null);
				}
			}

		};
		try {
			this.agent.stream(caller, turn.conversationId(), message, finishing);
		}
		catch (RuntimeException ex) {
			finishing.onError(ex);
		}
		return ended;
	}

	/**
	 * Frees the conversation before the caller hears the end of the turn, so that the
	 * next message they send is taken.
	 */
	private void finish(TurnStart.Claimed turn, boolean answered) {
		try {
			this.turns.finish(turn, answered).block();
		}
		catch (RuntimeException ex) {
			// the lease runs out by itself; the reply, if any, is kept
			logger.warn("Could not end the turn in conversation {}", turn.conversationId(), ex);
		}
	}

	private ChatTurn stored(TurnStart.Answered answered) {
		MessageView reply = this.conversations.answer(answered.conversationId(), answered.replyId()).block();
		return new ChatTurn(answered.conversationId(), reply.content(), reply.toolCalls());
	}

	/**
	 * Tells the listener a turn's stored answer as if it had just been written.
	 */
	private CompletableFuture<Void> replay(TurnStart.Answered answered, TurnListener listener) {
		ChatTurn turn;
		try {
			turn = stored(answered);
		}
		catch (RuntimeException ex) {
			listener.onError(new TurnFailedException(answered.conversationId(), ex));
			return CompletableFuture.completedFuture(null);
		}
		turn.toolCalls().forEach(listener::onTool);
		listener.onDone(turn);
		return CompletableFuture.completedFuture(null);
	}

}
