package dev.todobot.chat.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message of a conversation as stored: what the user said, what the assistant
 * answered or asked the tools to do, and what the tools answered.
 */
@Entity
@Table(name = "messages")
public class StoredMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "conversation_id", nullable = false, updatable = false)
	private UUID conversationId;

	@Column(nullable = false)
	private String role;

	@Column(nullable = false)
	private String content;

	/**
	 * The tool requests of an assistant message, or the request a tool result answers.
	 */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "tool_calls")
	private String toolCalls;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected StoredMessage() {
	}

	StoredMessage(UUID conversationId, String role, String content, String toolCalls, Instant createdAt) {
		this.conversationId = conversationId;
		this.role = role;
		this.content = content;
		this.toolCalls = toolCalls;
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	String role() {
		return this.role;
	}

	String content() {
		return this.content;
	}

	String toolCalls() {
		return this.toolCalls;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
