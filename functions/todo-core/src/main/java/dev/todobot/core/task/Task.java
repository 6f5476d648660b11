package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's task as stored. Leaves the store only as a {@link TaskView}.
 */
@Entity
@Table(name = "tasks")
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private long userId;

	@Column(nullable = false)
	private String title;

	private String description;

	@Column(nullable = false)
	private boolean completed;

	@Column(name = "due_date")
	private LocalDate dueDate;

	@Convert(converter = PriorityConverter.class)
	@Column(nullable = false)
	private Priority priority;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false, columnDefinition = "text[]")
	private String[] tags;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "completed_at")
	private Instant completedAt;

	// not @Version: TaskService writes tasks with update statements that set only the
	// changed columns and add one to this, so Hibernate's own versioning never applies
	@Column(nullable = false)
	private long version;

	protected Task() {
	}

	Task(long userId, NewTask task, Instant now) {
		this.userId = userId;
		this.title = task.title();
		this.description = task.description();
		this.dueDate = task.dueDate();
		this.priority = task.priority();
		this.tags = task.tags().toArray(String[]::new);
		this.createdAt = now;
		this.updatedAt = now;
	}

	TaskView view() {
		return new TaskView(this.id, this.title, this.description, this.completed, this.dueDate,
				this.priority.wireName(), List.of(this.tags), this.createdAt, this.updatedAt, this.completedAt,
				this.version);
	}

	Long id() {
		return this.id;
	}

	long userId() {
		return this.userId;
	}

	long version() {
		return this.version;
	}

	LocalDate dueDate() {
		return this.dueDate;
	}

	Priority priority() {
		return this.priority;
	}

}
