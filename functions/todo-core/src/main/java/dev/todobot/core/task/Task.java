package dev.todobot.core.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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

	@Column(name = "due_time")
	private LocalTime dueTime;

	@Column(name = "remind_at")
	private Instant remindAt;

	@Column(name = "remind_before_minutes")
	private Integer remindBeforeMinutes;

	@Column(name = "reminded_at")
	private Instant remindedAt;

	private String recurrence;

	@Column(name = "recurrence_start")
	private LocalDate recurrenceStart;

	@Column(name = "previous_task_id", updatable = false)
	private Long previousTaskId;

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

	Task(long userId, NewTask task, Schedule schedule, Instant now) {
		this.userId = userId;
		this.title = task.title();
		this.description = task.description();
		this.priority = task.priority();
		this.tags = task.tags().toArray(String[]::new);
		schedule(schedule);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * The next occurrence of a recurring task: the same task on another day.
	 */
	private Task(Task previous, Schedule schedule, Instant now) {
		this.userId = previous.userId;
		this.title = previous.title;
		this.description = previous.description;
		this.priority = previous.priority;
		this.tags = previous.tags;
		schedule(schedule);
		this.previousTaskId = previous.id;
		this.createdAt = now;
		this.updatedAt = now;
	}

	private void schedule(Schedule schedule) {
		this.dueDate = schedule.dueDate();
		this.dueTime = schedule.dueTime();
		this.remindAt = schedule.remindAt();
		this.remindBeforeMinutes = schedule.remindBeforeMinutes();
		this.remindedAt = schedule.remindedAt();
		this.recurrence = schedule.recurrence();
		this.recurrenceStart = schedule.recurrenceStart();
	}

	Task next(Schedule schedule, Instant now) {
		return new Task(this, schedule, now);
	}

	TaskView view() {
		return new TaskView(this.id, this.title, this.description, this.completed, this.dueDate, this.dueTime,
				this.priority.wireName(), List.of(this.tags), this.remindAt, this.remindBeforeMinutes, this.recurrence,
				TaskRules.recurrenceText(this.recurrence), this.remindedAt, this.createdAt, this.updatedAt,
				this.completedAt, this.version);
	}

	Schedule schedule() {
		return new Schedule(this.dueDate, this.dueTime, this.remindAt, this.remindBeforeMinutes, this.remindedAt,
				this.recurrence, this.recurrenceStart);
	}

	boolean completed() {
		return this.completed;
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
