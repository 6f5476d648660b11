package dev.todobot.core.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.todobot.core.db.Database;
import dev.todobot.core.error.ConflictException;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.error.StaleVersionException;
import dev.todobot.core.error.UnauthenticatedException;
import dev.todobot.core.error.UnprocessableException;
import dev.todobot.core.recurrence.Recurrence;
import org.hibernate.LockMode;
import org.hibernate.reactive.stage.Stage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A user's tasks: the one place every task rule and query lives. Knows nothing of HTTP,
 * MCP or language models. Every method takes the id of the user whose data it may touch;
 * a task of another user is reported as not found.
 */
public class TaskService {

	/** How long an idempotency key of {@code add} is kept, in PostgreSQL's words. */
	static final String KEY_LIFETIME = "24 hours";

	/** The name of the key's header, for errors. */
	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Database database;

	private final TaskCursor.Codec cursors;

	private final Clock clock;

	/**
	 * @param database the database
	 * @param cursorSecret signs page cursors; at least 32 bytes
	 * @param clock tells "now"
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
		return this.database.transaction(
				(session) -> schedule(session, userId, Schedule.NONE, newTask.schedule()).thenCompose((schedule) -> {
					Task task = new Task(userId, newTask, schedule, now());
					return session.persist(task).thenApply((ignored) -> task.view());
				}))
			.onErrorMap(Database::isMissingReference, (ex) -> UnauthenticatedException.accountGone());
	}

	/**
	 * A task's schedule after a change, with a reminder relative to the due time computed
	 * in the owner's zone as stored (read only when needed).
	 */
	private static CompletionStage<Schedule> schedule(Stage.Session session, long userId, Schedule current,
			ScheduleChange change) {
		if (!change.needsZone(current)) {
			return CompletableFuture.completedFuture(TaskRules.schedule(current, change, null));
		}
		return zone(session, userId).thenApply((zone) -> TaskRules.schedule(current, change, zone));
	}

	private static CompletionStage<ZoneId> zone(Stage.Session session, long userId) {
		return session.createNativeQuery("select time_zone from users where id = :userId", String.class)
			.setParameter("userId", userId)
			.getSingleResultOrNull()
			.thenCompose((zone) -> (zone != null) ? CompletableFuture.completedFuture(ZoneId.of(zone))
					: CompletableFuture.failedFuture(UnauthenticatedException.accountGone()));
	}

	/**
	 * Adds a task once per idempotency key: a request that comes again with the same key
	 * (a retry after a lost answer) gets the task the first one added, and adds nothing.
	 * Of two such requests at the same time, the second waits for the first to finish.
	 * Keys are the user's own and are forgotten after {@value #KEY_LIFETIME}.
	 * @param idempotencyKey the client's key for this request
	 * @throws UnprocessableException (in the Mono) when the key came with another task
	 * @throws ConflictException (in the Mono) when the task the key added has been
	 * deleted since
	 */
	public Mono<AddedTask> add(long userId, NewTask newTask, String idempotencyKey) {
		String hash = fingerprint(newTask);
		return this.database
			.transaction((session) -> session
				.createNativeQuery(
						"delete from idempotency_keys where user_id = :userId and created_at < now() - interval '"
								+ KEY_LIFETIME + "'")
				.setParameter("userId", userId)
				.executeUpdate()
				// waits while another request holds the key, then inserts nothing
				.thenCompose((expired) -> session
					.createNativeQuery("insert into idempotency_keys (user_id, idempotency_key, request_hash)"
							+ " values (:userId, :key, :hash) on conflict do nothing")
					.setParameter("userId", userId)
					.setParameter("key", idempotencyKey)
					.setParameter("hash", hash)
					.executeUpdate())
				.thenCompose((inserted) -> (inserted == 1) ? addKeyed(session, userId, newTask, idempotencyKey)
						: replay(session, userId, idempotencyKey, hash)))
			.onErrorMap(Database::isMissingReference, (ex) -> UnauthenticatedException.accountGone());
	}

	private CompletionStage<AddedTask> addKeyed(Stage.Session session, long userId, NewTask newTask, String key) {
		return schedule(session, userId, Schedule.NONE, newTask.schedule())
			.thenCompose((schedule) -> addKeyed(session, userId, newTask, schedule, key));
	}

	private CompletionStage<AddedTask> addKeyed(Stage.Session session, long userId, NewTask newTask, Schedule schedule,
			String key) {
		Task task = new Task(userId, newTask, schedule, now());
		// the identity column gives the task its id as it is inserted
		return session.persist(task)
			.thenCompose((ignored) -> session.createNativeQuery(
					"update idempotency_keys set task_id = :taskId where user_id = :userId and idempotency_key = :key")
				.setParameter("taskId", task.id())
				.setParameter("userId", userId)
				.setParameter("key", key)
				.executeUpdate())
			.thenApply((ignored) -> new AddedTask(task.view(), false));
	}

	private static CompletionStage<AddedTask> replay(Stage.Session session, long userId, String key, String hash) {
		return session.<Object[]>createNativeQuery(
				"select request_hash, task_id from idempotency_keys where user_id = :userId and idempotency_key = :key")
			.setParameter("userId", userId)
			.setParameter("key", key)
			.getSingleResult()
			.thenCompose((row) -> {
				if (!hash.equals(row[0])) {
					return CompletableFuture.failedFuture(new UnprocessableException(IDEMPOTENCY_KEY,
							"This Idempotency-Key was used for another request; send a new key for a new task"));
				}
				return session.find(Task.class, ((Number) row[1]).longValue()).thenCompose(TaskService::replayed);
			});
	}

	private static CompletionStage<AddedTask> replayed(Task task) {
		if (task == null) {
			return CompletableFuture.failedFuture(new ConflictException(
					"The task added with this Idempotency-Key has been deleted since; send a new key to add it again"));
		}
		return CompletableFuture.completedFuture(new AddedTask(task.view(), true));
	}

	public Mono<TaskView> get(long userId, long taskId) {
		return this.database.read((session) -> owned(session, userId, taskId).thenApply(Task::view));
	}

	/**
	 * Changes a task. Writes only the fields that change, in one statement, so that two
	 * changes of different fields at the same time both stay.
	 * @param expectedVersion the version the change is based on, or {@code null} to
	 * change the task whatever its version
	 * @throws StaleVersionException (in the Mono) when the task is no longer at
	 * {@code expectedVersion}; nothing is changed then
	 */
	public Mono<TaskView> update(long userId, long taskId, TaskChanges changes, Long expectedVersion) {
		StringBuilder hql = new StringBuilder("update Task t set t.updatedAt = :now, t.version = t.version + 1");
		Map<String, Object> parameters = new HashMap<>();
		Instant now = now();
		parameters.put("now", now);
		if (changes.title() != null) {
			hql.append(", t.title = :title");
			parameters.put("title", changes.title());
		}
		if (changes.description() != null) {
			if (changes.description().isEmpty()) {
				hql.append(", t.description = null");
			}
			else {
				hql.append(", t.description = :description");
				parameters.put("description", changes.description());
			}
		}
		if (changes.priority() != null) {
			hql.append(", t.priority = :priority");
			parameters.put("priority", changes.priority());
		}
		if (changes.tags() != null) {
			hql.append(", t.tags = :tags");
			parameters.put("tags", changes.tags().toArray(String[]::new));
		}
		if (Boolean.TRUE.equals(changes.completed())) {
			// the right-hand sides see the row as it was: a done task keeps its time
			hql.append(
					", t.completed = true, t.completedAt = case when t.completed = true then t.completedAt else :now end");
		}
		else if (Boolean.FALSE.equals(changes.completed())) {
			hql.append(", t.completed = false, t.completedAt = null");
		}
		String where = " where t.id = :id and t.userId = :userId"
				+ ((expectedVersion != null) ? " and t.version = :version" : "");
		parameters.put("id", taskId);
		parameters.put("userId", userId);
		if (expectedVersion != null) {
			parameters.put("version", expectedVersion);
		}
		ScheduleChange scheduleChange = changes.schedule();
		if (scheduleChange.isEmpty()) {
			return this.database.transaction((session) -> run(session, hql + where, parameters)
				.thenCompose((updated) -> owned(session, userId, taskId)
					.thenCompose((task) -> updated(task, updated, expectedVersion))));
		}
		// the schedule after the change depends on the stored one: read it under a lock,
		// so that no other change of it comes between the read and the write
		return this.database
			.transaction((session) -> owned(session, userId, taskId, LockMode.PESSIMISTIC_WRITE).thenCompose(
					(task) -> schedule(session, userId, task.schedule(), scheduleChange).thenCompose((schedule) -> {
						appendSchedule(hql, parameters, schedule);
						return run(session, hql + where, parameters);
					})
						.thenCompose((updated) -> session.refresh(task)
							.thenCompose((ignored) -> updated(task, updated, expectedVersion)))));
	}

	private static CompletionStage<Integer> run(Stage.Session session, String hql, Map<String, Object> parameters) {
		Stage.MutationQuery update = session.createMutationQuery(hql);
		parameters.forEach(update::setParameter);
		return update.executeUpdate();
	}

	private static void appendSchedule(StringBuilder hql, Map<String, Object> parameters, Schedule schedule) {
		set(hql, parameters, "dueDate", schedule.dueDate());
		set(hql, parameters, "dueTime", schedule.dueTime());
		set(hql, parameters, "remindAt", schedule.remindAt());
		set(hql, parameters, "remindBeforeMinutes", schedule.remindBeforeMinutes());
		set(hql, parameters, "remindedAt", schedule.remindedAt());
		set(hql, parameters, "recurrence", schedule.recurrence());
		set(hql, parameters, "recurrenceStart", schedule.recurrenceStart());
	}

	private static void set(StringBuilder hql, Map<String, Object> parameters, String attribute, Object value) {
		if (value == null) {
			hql.append(", t.").append(attribute).append(" = null");
		}
		else {
			hql.append(", t.").append(attribute).append(" = :").append(attribute);
			parameters.put(attribute, value);
		}
	}

	private static CompletionStage<TaskView> updated(Task task, int updated, Long expectedVersion) {
		if (updated == 1) {
			return CompletableFuture.completedFuture(task.view());
		}
		return CompletableFuture.failedFuture(
				new StaleVersionException(
						"Task " + task.id() + " changed since you read it: it is at version " + task.version()
								+ ", not " + expectedVersion + ". Reload it and make your change again.",
						task.version()));
	}

	/**
	 * Adds the next occurrence of a completed recurring task, at most once: in one
	 * transaction, the same task on the rule's next day after the done one's, with its
	 * reminder at the same time before it (computed in the owner's zone, so 09:00 stays
	 * 09:00 across daylight saving), following the done one. A second call for the same
	 * task, even at the same time, adds nothing.
	 * @param completedTaskId the task that was completed
	 * @return the new occurrence; empty when the task is gone, not completed, does not
	 * repeat, its rule has ended, or its next occurrence exists already
	 */
	public Mono<NextOccurrence> addNextOccurrence(long completedTaskId) {
		return this.database
			.<NextOccurrence>transaction((session) -> session.find(Task.class, completedTaskId).thenCompose((done) -> {
				if (done == null || !done.completed() || done.schedule().recurrence() == null) {
					return CompletableFuture.completedFuture(null);
				}
				return session.createNativeQuery("select count(*) from tasks where previous_task_id = :id", Long.class)
					.setParameter("id", completedTaskId)
					.getSingleResult()
					.thenCompose((followed) -> (followed > 0) ? CompletableFuture.completedFuture(null)
							: addNext(session, done));
			}))
			// the unique previous_task_id: another call added it meanwhile
			.onErrorResume(Database::isDuplicate, (ex) -> Mono.empty());
	}

	private CompletionStage<NextOccurrence> addNext(Stage.Session session, Task done) {
		Schedule current = done.schedule();
		LocalDate next = Recurrence.parse(current.recurrence())
			.nextAfter(current.recurrenceStart(), current.dueDate())
			.orElse(null);
		if (next == null) {
			return CompletableFuture.completedFuture(null);
		}
		return zone(session, done.userId()).thenCompose((zone) -> {
			Task task = done.next(TaskRules.nextOccurrence(current, next, zone), now());
			return session.persist(task).thenApply((ignored) -> new NextOccurrence(done.userId(), task.view()));
		});
	}

	public Mono<TaskView> complete(long userId, long taskId, Long expectedVersion) {
		return update(userId, taskId, TaskChanges.completion(), expectedVersion);
	}

	/**
	 * Completes several tasks, each on its own: a task that is not the user's (or gone)
	 * is reported and the others are completed.
	 * @param ids 1 to {@value TaskRules#MAX_IDS} different ids
	 * @return an outcome per id, in the order given
	 */
	public Mono<List<TaskOutcome>> completeAll(long userId, List<Long> ids) {
		return each(TaskRules.ids(ids), (id) -> complete(userId, id, null));
	}

	/**
	 * Deletes several tasks, each on its own, as {@link #completeAll}.
	 * @return an outcome per id with the task as it was, in the order given
	 */
	public Mono<List<TaskOutcome>> deleteAll(long userId, List<Long> ids) {
		return each(TaskRules.ids(ids), (id) -> delete(userId, id));
	}

	private static Mono<List<TaskOutcome>> each(List<Long> ids, Function<Long, Mono<TaskView>> change) {
		return Flux.fromIterable(ids)
			.concatMap((id) -> change.apply(id)
				.map((task) -> new TaskOutcome(id, task, null))
				.onErrorResume(NotFoundException.class, (refused) -> Mono.just(new TaskOutcome(id, null, refused))))
			.collectList();
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

	/**
	 * A page of a user's tasks.
	 * @param userId the owner
	 * @param zone the owner's time zone, in which "today" (the {@code due} filters) is
	 * counted
	 * @param query the filters, order and page
	 * @return the page
	 */
	public Mono<TaskPage> list(long userId, ZoneId zone, TaskQuery query) {
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
			LocalDate today = LocalDate.now(this.clock.withZone(zone));
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
			Stage.SelectionQuery<TaskRow> select = session.createSelectionQuery(TaskRow.SELECT + hql, TaskRow.class);
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

	private TaskPage page(List<TaskRow> tasks, int limit, long userId, TaskQuery query) {
		List<TaskRow> shown = tasks.subList(0, Math.min(limit, tasks.size()));
		String next = null;
		if (tasks.size() > limit) {
			TaskRow last = shown.getLast();
			Long key = switch (query.sort()) {
				case CREATED -> null;
				case DUE -> (last.dueDate() != null) ? last.dueDate().toEpochDay() : null;
				case PRIORITY -> (long) last.priority().rank();
			};
			next = this.cursors.encode(new TaskCursor(key, last.id()), userId, query);
		}
		return new TaskPage(shown.stream().map(TaskRow::view).toList(), next);
	}

	private static CompletionStage<Task> owned(Stage.Session session, long userId, long taskId) {
		return owned(session, userId, taskId, LockMode.NONE);
	}

	private static CompletionStage<Task> owned(Stage.Session session, long userId, long taskId, LockMode lock) {
		return session.find(Task.class, taskId, lock).thenCompose((task) -> {
			if (task == null || task.userId() != userId) {
				return CompletableFuture.failedFuture(new NotFoundException("No task " + taskId));
			}
			return CompletableFuture.completedFuture(task);
		});
	}

	/**
	 * A digest of everything that makes up the task, each field length-prefixed so that
	 * no two different tasks read the same.
	 */
	private static String fingerprint(NewTask task) {
		StringBuilder text = new StringBuilder();
		for (Object field : new Object[] { task.title(), task.description(), task.dueDate(), task.priority(),
				String.join(" ", task.tags()), task.dueTime(), task.remindAt(), task.remindBeforeMinutes(),
				task.recurrence() }) {
			String value = String.valueOf(field);
			text.append((field != null) ? value.length() + ":" + value : "-").append(';');
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Instant now() {
		// PostgreSQL keeps microseconds: answer what a later read returns
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
