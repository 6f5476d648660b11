package dev.todobot.core.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.error.UnauthenticatedException;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Mono;

/**
 * A user's tasks: the one place every task rule and query lives. Knows nothing of HTTP,
 * MCP or language models. Every method takes the id of the user whose data it may touch;
 * a task of another user is reported as not found.
 */
public class TaskService {

	private final Database database;

	private final TaskCursor.Codec cursors;

	private final Clock clock;

	/**
	 * @param database the database
	 * @param cursorSecret signs page cursors; at least 32 bytes
	 * @param clock tells "now" and "today" (UTC)
	 */
	public TaskService(Database database, byte[] cursorSecret, Clock clock) {
		if (cursorSecret == null || cursorSecret.length < 32) {
			throw new IllegalArgumentException("cursorSecret must be at least 32 bytes");
		}
		this.database = database;
		this.cursors = new TaskCursor.Codec(cursorSecret);
		this.clock = clock;
	}

	public Mono<TaskView> add(long userId, NewTask newTask) {
		return this.database.transaction((session) -> {
			Task task = new Task(userId, newTask, now());
			return session.persist(task).thenApply((ignored) -> task.view());
		}).onErrorMap(Database::isMissingReference, (ex) -> UnauthenticatedException.accountGone());
	}

	public Mono<TaskView> get(long userId, long taskId) {
		return this.database.read((session) -> owned(session, userId, taskId).thenApply(Task::view));
	}

	public Mono<TaskView> update(long userId, long taskId, TaskChanges changes) {
		return this.database.transaction((session) -> owned(session, userId, taskId).thenApply((task) -> {
			task.apply(changes, now());
			return task.view();
		}));
	}

	public Mono<TaskView> complete(long userId, long taskId) {
		return update(userId, taskId, new TaskChanges(null, null, null, false, null, null, true));
	}

	/**
	 * Deletes a task.
	 * @return the task as it was
	 */
	public Mono<TaskView> delete(long userId, long taskId) {
		// A statement, not session.remove: Hibernate Reactive 3.1 keeps one delete
		// coordinator per entity type for all sessions, holding the running delete's
		// stage in a field (hibernate-reactive#1713), so concurrent removes complete
		// each other's stages: a session then closes mid-transaction (a 500) or waits
		// forever holding its connection
		return this.database.transaction((session) -> owned(session, userId, taskId).thenCompose(
				(task) -> session.createMutationQuery("delete from Task t where t.id = :id and t.userId = :userId")
					.setParameter("id", taskId)
					.setParameter("userId", userId)
					.executeUpdate()
					.thenCompose((deleted) -> (deleted == 1) ? CompletableFuture.completedFuture(task.view())
							// another request deleted it after it was read
							: CompletableFuture.<TaskView>failedFuture(new NotFoundException("No task " + taskId)))));
	}

	public Mono<TaskPage> list(long userId, TaskQuery query) {
		TaskCursor after = (query.cursor() != null) ? this.cursors.decode(query.cursor(), userId, query) : null;
		StringBuilder hql = new StringBuilder("from Task t where t.userId = :userId");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("userId", userId);
		switch (query.status()) {
			case PENDING -> hql.append(" and t.completed = false");
			case COMPLETED -> hql.append(" and t.completed = true");
			case ALL -> {
			}
		}
		if (query.priority() != null) {
			hql.append(" and t.priority = :priority");
			parameters.put("priority", query.priority());
		}
		if (query.tag() != null) {
			hql.append(" and array_contains(t.tags, :tag)");
			parameters.put("tag", query.tag());
		}
		if (query.text() != null) {
			hql.append(" and (lower(t.title) like :text escape '\\' or lower(t.description) like :text escape '\\')");
			parameters.put("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
		}
		if (query.due() != null) {
			LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
			switch (query.due()) {
				case OVERDUE -> hql.append(" and t.completed = false and t.dueDate < :today");
				case TODAY -> hql.append(" and t.dueDate = :today");
				case WEEK -> {
					hql.append(" and t.dueDate between :today and :weekEnd");
					parameters.put("weekEnd", today.plusDays(6));
				}
			}
			parameters.put("today", today);
		}
		if (after != null) {
			appendKeyset(hql, parameters, query.sort(), after);
		}
		hql.append(switch (query.sort()) {
			case CREATED -> " order by t.id desc";
			case DUE -> " order by t.dueDate asc nulls last, t.id desc";
			case PRIORITY -> " order by t.priority desc, t.id desc";
		});
		int limit = query.limit();
		return this.database.read((session) -> {
			Stage.SelectionQuery<Task> select = session.createSelectionQuery(hql.toString(), Task.class);
			parameters.forEach(select::setParameter);
			return select.setMaxResults(limit + 1).getResultList();
		}).map((tasks) -> page(tasks, limit, userId, query));
	}

	private void appendKeyset(StringBuilder hql, Map<String, Object> parameters, TaskQuery.Sort sort,
			TaskCursor after) {
		parameters.put("afterId", after.id());
		switch (sort) {
			case CREATED -> hql.append(" and t.id < :afterId");
			case DUE -> {
				if (after.key() == null) {
					hql.append(" and t.dueDate is null and t.id < :afterId");
				}
				else {
					hql.append(" and (t.dueDate > :afterDue or (t.dueDate = :afterDue and t.id < :afterId)"
							+ " or t.dueDate is null)");
					parameters.put("afterDue", LocalDate.ofEpochDay(after.key()));
				}
			}
			case PRIORITY -> {
				hql.append(" and (t.priority < :afterPriority or (t.priority = :afterPriority and t.id < :afterId))");
				parameters.put("afterPriority", Priority.ofRank(after.key().intValue()));
			}
		}
	}

	private TaskPage page(List<Task> tasks, int limit, long userId, TaskQuery query) {
		List<Task> shown = tasks.subList(0, Math.min(limit, tasks.size()));
		String next = null;
		if (tasks.size() > limit) {
			Task last = shown.getLast();
			Long key = switch (query.sort()) {
				case CREATED -> null;
				case DUE -> (last.dueDate() != null) ? last.dueDate().toEpochDay() : null;
				case PRIORITY -> (long) last.priority().rank();
			};
			next = this.cursors.encode(new TaskCursor(key, last.id()), userId, query);
		}
		return new TaskPage(shown.stream().map(Task::view).toList(), next);
	}

	private static CompletionStage<Task> owned(Stage.Session session, long userId, long taskId) {
		return session.find(Task.class, taskId).thenCompose((task) -> {
			if (task == null || task.userId() != userId) {
				return CompletableFuture.failedFuture(new NotFoundException("No task " + taskId));
			}
			return CompletableFuture.completedFuture(task);
		});
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Instant now() {
		// PostgreSQL keeps microseconds: answer what a later read returns
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
