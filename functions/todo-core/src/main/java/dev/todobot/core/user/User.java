package dev.todobot.core.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who signed up, as stored.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String email;

	private String name;

	@Column(name = "time_zone", nullable = false)
	private String timeZone;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected User() {
	}

	User(String email, String name, String timeZone, String passwordHash, Instant createdAt) {
		this.email = email;
		this.name = name;
		this.timeZone = timeZone;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	UserView view() {
		return new UserView(this.id, this.email, this.name, this.timeZone);
	}

	void change(ProfileChange change) {
		if (change.timeZone() != null) {
			this.timeZone = change.timeZone();
		}
		if (change.name() != null) {
			this.name = change.name().isEmpty() ? null : change.name();
		}
	}

	String passwordHash() {
		return this.passwordHash;
	}

}
