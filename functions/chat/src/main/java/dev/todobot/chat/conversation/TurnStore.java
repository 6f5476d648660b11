package dev.todobot.chat.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.error.UnauthenticatedException;
import dev.todobot.core.web.IdempotencyKey;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;

/**
 * Who may write in a conversation now, and which turns were already answered. The chat
 * function runs as several replicas, so both live in the database: a turn leases its
 * conversation (a conditional update, so exactly one of two concurrent turns wins) until
 * a time that every kept message pushes on, and a turn sent with an
 * {@code Idempotency-Key} is remembered per user with the reply it got.
 * <p>
 * A lease, not a lock held on a connection: a turn waits minutes for the model while
 * connections are pooled, and the lease of a replica that died runs out by itself.
 */
public class TurnStore {

	private static final String CLAIM = """
			update conversations set turn_id = :turn, turn_until = now() + make_interval(secs => :seconds)
			where id = :id and (turn_until is null or turn_until < now())""";

	private static final String RENEW = """
			update conversations set turn_until = now() + make_interval(secs => :seconds)
			where id = :id and turn_until is not null""";

	private static final String RELEASE = """
			update conversations set turn_id = null, turn_until = null where id = :id and turn_id = :turn""";

	private static final String FIND_KEY = """
			select cast(conversation_id as text), reply_id, message_sha256 from chat_turn_keys
			where user_id = :user and idempotency_key = :key""";

	private static final String INSERT_KEY = """
			insert into chat_turn_keys (user_id, idempotency_key, conversation_id, message_sha256)
			values (:user, :key, :conversation, :sha)""";

	/**
	 * The turn's reply: the latest answer of the conversation, which the lease kept its
	 * own.
	 */
	private static final String ANSWER_KEY = """
			update chat_turn_keys set reply_id = (select max(m.id) from messages m where m.conversation_id = :conversation
			and m.role = 'assistant' and m.tool_calls is null)
			where user_id = :user and idempotency_key = :key""";

	private final Database database;

	private final Clock clock;

	private final double leaseSeconds;

	/**
	 * @param database where leases and keys live
	 * @param clock dates new conversations
	 * @param lease how long a turn holds its conversation after it last kept a message:
	 * longer than any one wait of a turn, for the model or a tool
	 */
	public TurnStore(Database database, Clock clock, Duration lease) {
		this.database = database;
		this.clock = clock;
		this.leaseSeconds = lease.toMillis() / 1000.0;
	}

	/**
	 * Starts a turn: in the conversation the caller names, the one a retried key started,
	 * or a new one titled after the message, unless the key's turn was answered already.
	 * @param userId the caller
	 * @param conversationId the conversation the caller names, or {@code null}
	 * @param message what the caller says
	 * @param idempotencyKey the caller's key for this turn, or {@code null}
	 * @return the turn to run, or the answer it already got
	 * @throws ConversationBusyException (in the Mono) while another turn runs in the
	 * conversation
	 */
	public Mono<TurnStart> begin(long userId, UUID conversationId, String message, String idempotencyKey) {
		return Mono
			.defer(() -> begin(userId, conversationId, message, IdempotencyKey.of(idempotencyKey), sha256(message)));
	}

	private Mono<TurnStart> begin(long userId, UUID conversationId, String message, String key, String sha) {
		UUID turn = UUID.randomUUID();
		return this.database.transaction((session) -> findKey(session, userId, key).thenCompose((known) -> {
			if (known != null) {
				if (!known.sha().equals(sha)
						|| (conversationId != null && !conversationId.equals(known.conversation()))) {
					return CompletableFuture.failedFuture(new InvalidInputException(IdempotencyKey.HEADER,
							"This Idempotency-Key was already used for another message; send a new key with each message"));
				}
				if (known.replyId() != null) {
					return CompletableFuture
						.completedFuture(new TurnStart.Answered(known.conversation(), known.replyId()));
				}
				return claim(session, known.conversation(), turn)
					.thenApply((claimed) -> new TurnStart.Claimed(known.conversation(), turn, userId, key));
			}
			CompletionStage<UUID> conversation = (conversationId != null)
					? ConversationStore.owned(session, userId, conversationId).thenApply(Conversation::id)
					: create(session, userId, message);
			return conversation.thenCompose((id) -> claim(session, id, turn)
				.thenCompose((claimed) -> (key != null) ? session.createNativeQuery(INSERT_KEY)
					.setParameter("user", userId)
					.setParameter("key", key)
					.setParameter("conversation", id)
					.setParameter("sha", sha)
					.executeUpdate() : CompletableFuture.completedFuture(0))
				.thenApply((inserted) -> new TurnStart.Claimed(id, turn, userId, key)));
		}))
			// the same key sent twice at once: the first one is running
			.onErrorMap(Database::isDuplicate, (ex) -> new ConversationBusyException())
			.onErrorMap(Database::isMissingReference, (ex) -> UnauthenticatedException.accountGone())
			.map(TurnStart.class::cast);
	}

	/**
	 * Pushes the lease of the turn running in a conversation on; it has just kept a
	 * message.
	 */
	Mono<Void> renew(UUID conversationId) {
		return this.database
			.transaction((session) -> session.createNativeQuery(RENEW)
				.setParameter("seconds", this.leaseSeconds)
				.setParameter("id", conversationId)
				.executeUpdate())
			.then();
	}

	/**
	 * Ends a turn: frees its conversation, and remembers the reply for its key.
	 * @param turn the turn
	 * @param answered whether it ended with a kept reply
	 */
	public Mono<Void> finish(TurnStart.Claimed turn, boolean answered) {
		return this.database.transaction((session) -> {
			CompletionStage<Integer> remembered = (answered && turn.idempotencyKey() != null)
					? session.createNativeQuery(ANSWER_KEY)
						.setParameter("conversation", turn.conversationId())
						.setParameter("user", turn.userId())
						.setParameter("key", turn.idempotencyKey())
						.executeUpdate()
					: CompletableFuture.completedFuture(0);
			return remembered.thenCompose((ignored) -> session.createNativeQuery(RELEASE)
				.setParameter("id", turn.conversationId())
				.setParameter("turn", turn.turnId())
				.executeUpdate());
		}).then();
	}

	private CompletionStage<UUID> create(Stage.Session session, long userId, String message) {
		UUID id = UUID.randomUUID();
		Conversation conversation = new Conversation(id, userId, ConversationStore.title(message),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		// the insert must reach the database before the lease is claimed on its row
		return session.persist(conversation).thenCompose((ignored) -> session.flush()).thenApply((ignored) -> id);
	}

	private CompletionStage<Void> claim(Stage.Session session, UUID conversationId, UUID turn) {
		return session.createNativeQuery(CLAIM)
			.setParameter("turn", turn)
			.setParameter("seconds", this.leaseSeconds)
			.setParameter("id", conversationId)
			.executeUpdate()
			.thenCompose((claimed) -> (claimed == 1) ? CompletableFuture.completedFuture(null)
					: CompletableFuture.failedFuture(new ConversationBusyException()));
	}

	private static CompletionStage<KnownKey> findKey(Stage.Session session, long userId, String key) {
		if (key == null) {
			return CompletableFuture.completedFuture(null);
		}
		return session.createNativeQuery(FIND_KEY, Object[].class)
			.setParameter("user", userId)
			.setParameter("key", key)
			.getSingleResultOrNull()
			.thenApply((row) -> (row == null) ? null : new KnownKey(UUID.fromString((String) row[0]),
					(row[1] != null) ? ((Number) row[1]).longValue() : null, (String) row[2]));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private record KnownKey(UUID conversation, Long replyId, String sha) {
	}

}
