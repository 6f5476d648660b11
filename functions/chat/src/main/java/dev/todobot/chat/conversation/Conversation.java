package dev.todobot.chat.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's conversation with the assistant, titled after its first message.
 */
@Entity
@Table(name = "conversations")
public class Conversation {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private long userId;

	@Column(nullable = false)
	private String title;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Conversation() {
	}

	Conversation(UUID id, long userId, String title, Instant now) {
		this.id = id;
		this.userId = userId;
		this.title = title;
		this.createdAt = now;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	long userId() {
		return this.userId;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	ConversationView view() {
		return new ConversationView(this.id, this.title, this.updatedAt);
	}

}
