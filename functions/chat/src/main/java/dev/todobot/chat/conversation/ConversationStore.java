package dev.todobot.chat.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.langchain4j.data.message.ChatMessage;
import dev.todobot.core.db.Database;
import dev.todobot.core.error.NotFoundException;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Conversations and their messages, every one kept, each conversation reachable only by
 * its owner.
 */
public class ConversationStore {

	private static final int MAX_TITLE = 80;

	private static final int MAX_LISTED = 100;

	private final Database database;

	private final MessageCodec codec = new MessageCodec();

	private final Clock clock;

	public ConversationStore(Database database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	public Mono<List<ConversationView>> list(long userId) {
		return this.database
			.transaction((session) -> session
				.createSelectionQuery("from Conversation c where c.userId = :userId order by c.updatedAt desc",
						Conversation.class)
				.setParameter("userId", userId)
				.setMaxResults(MAX_LISTED)
				.getResultList())
			.map((conversations) -> conversations.stream().map(Conversation::view).toList());
	}

	/**
	 * The conversation as the user sees it: their messages and the assistant's answers,
	 * each answer with the tools it ran.
	 */
	public Mono<List<MessageView>> messages(long userId, UUID conversationId) {
		return this.database
			.transaction((session) -> owned(session, userId, conversationId).thenCompose((conversation) -> session
				.createSelectionQuery("from StoredMessage m where m.conversationId = :id order by m.id",
						StoredMessage.class)
				.setParameter("id", conversationId)
				.getResultList()))
			.map(this::views);
	}

	/**
	 * A turn's answer as the conversation shows it, with the tools it ran.
	 * @param replyId the answer's message
	 */
	public Mono<MessageView> answer(UUID conversationId, long replyId) {
		return this.database
			.read((session) -> session
				.createSelectionQuery(
						"from StoredMessage m where m.conversationId = :id and m.id <= :replyId order by m.id",
						StoredMessage.class)
				.setParameter("id", conversationId)
				.setParameter("replyId", replyId)
				.getResultList())
			.map((stored) -> views(stored).getLast());
	}

	/**
	 * The latest messages, oldest first, as the model's memory window.
	 */
	List<ChatMessage> recent(UUID conversationId, int max) {
		List<StoredMessage> latest = this.database
			.transaction((session) -> session
				.createSelectionQuery("from StoredMessage m where m.conversationId = :id order by m.id desc",
						StoredMessage.class)
				.setParameter("id", conversationId)
				.setMaxResults(max)
				.getResultList())
			.block();
		return latest.reversed().stream().map(this.codec::message).toList();
	}

	/**
	 * Keeps a message, unless it is the one kept last, and marks the conversation as
	 * active now.
	 */
	void appendIfNew(UUID conversationId, ChatMessage message) {
		MessageCodec.Row row = this.codec.row(message);
		if (row == null) {
			return;
		}
		Instant now = now();
		this.database.transaction((session) -> session
			.createSelectionQuery("from StoredMessage m where m.conversationId = :id order by m.id desc",
					StoredMessage.class)
			.setParameter("id", conversationId)
			.setMaxResults(1)
			.getSingleResultOrNull()
			.thenCompose((last) -> {
				if (last != null && this.codec.isSame(row, last)) {
					return CompletableFuture.completedFuture(null);
				}
				return session
					.persist(new StoredMessage(conversationId, row.role(), row.content(), row.toolCalls(), now))
					.thenCompose((ignored) -> session.find(Conversation.class, conversationId))
					.thenAccept((conversation) -> conversation.touch(now));
			})).block();
	}

	private List<MessageView> views(List<StoredMessage> stored) {
		List<MessageView> views = new ArrayList<>();
		List<ToolCall> pending = new ArrayList<>();
		List<JsonNode> requests = new ArrayList<>();
		for (StoredMessage message : stored) {
			switch (message.role()) {
				case MessageCodec.USER -> {
					pending.clear();
					views.add(new MessageView(MessageCodec.USER, message.content(), null, message.createdAt()));
				}
				case MessageCodec.TOOL -> {
					JsonNode request = this.codec.tree(message.toolCalls());
					String arguments = requests.stream()
						.filter((candidate) -> candidate.path("id").asString().equals(request.path("id").asString()))
						.findFirst()
						.map((candidate) -> candidate.path("arguments").asString())
						.orElse(null);
					pending.add(ToolCall.of(request.path("name").asString(), arguments, message.content()));
				}
				default -> {
					if (message.toolCalls() != null) {
						this.codec.requests(message).forEach(requests::add);
					}
					else {
						views.add(new MessageView(MessageCodec.ASSISTANT, message.content(), List.copyOf(pending),
								message.createdAt()));
						pending.clear();
						requests.clear();
					}
				}
			}
		}
		return views;
	}

	static CompletionStage<Conversation> owned(Stage.Session session, long userId, UUID conversationId) {
		return session.find(Conversation.class, conversationId).thenCompose((conversation) -> {
			if (conversation == null || conversation.userId() != userId) {
				return CompletableFuture.failedFuture(new NotFoundException("No conversation " + conversationId));
			}
			return CompletableFuture.completedFuture(conversation);
		});
	}

	static String title(String firstMessage) {
		String line = firstMessage.strip().replaceAll("\\s+", " ");
		return (line.length() > MAX_TITLE) ? line.substring(0, MAX_TITLE - 1) + "…" : line;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
