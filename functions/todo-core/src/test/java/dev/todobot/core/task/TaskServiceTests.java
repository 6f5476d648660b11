package dev.todobot.core.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.todobot.core.db.Database;
import dev.todobot.core.db.PoolSettings;
import dev.todobot.core.db.ReactiveDatabase;
import dev.todobot.core.error.InvalidInputException;
import dev.todobot.core.error.NotFoundException;
import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskServiceTests {

	private static Database database;

	private static TaskService tasks;

	@BeforeAll
	static void startDatabase() {
		database = new Database(ReactiveDatabase.sessionFactory(EmbeddedDatabase.settings(), PoolSettings.defaults(),
				List.of(Task.class, User.class)));
		tasks = new TaskService(database, EmbeddedDatabase.JWT_SECRET.getBytes(), Clock.systemUTC());
	}

	@AfterAll
	static void closeDatabase() {
		database.close();
	}

	private static long newUser() {
		String email = UUID.randomUUID() + "@example.com";
		EmbeddedDatabase.execute("insert into users (email, password_hash) values ('" + email + "', 'x')");
		return EmbeddedDatabase.count("select id from users where email = '" + email + "'");
	}

	@Test
	void addedTaskKeepsEveryField() {
		long user = newUser();
		LocalDate friday = LocalDate.of(2030, 5, 3);
		TaskView task = tasks.add(user, new NewTask("  Buy milk ", "2 litres", friday, Priority.HIGH, List.of("#Shop")))
			.block();
		assertThat(task.title()).isEqualTo("Buy milk");
		assertThat(task.dueDate()).isEqualTo(friday);
		assertThat(task.priority()).isEqualTo("high");
		assertThat(task.tags()).containsExactly("shop");
		assertThat(tasks.get(user, task.id()).block()).isEqualTo(task);
	}

	@Test
	void anotherUsersTaskIsNotFound() {
		long owner = newUser();
		long stranger = newUser();
		TaskView task = tasks.add(owner, new NewTask("secret", null, null, null, null)).block();
		assertThatThrownBy(() -> tasks.delete(stranger, task.id()).block()).isInstanceOf(NotFoundException.class);
		assertThat(tasks.get(owner, task.id()).block()).isNotNull();
	}

	@Test
	void pagesThroughEveryTaskByDueDateWithoutRepeats() {
		long user = newUser();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int i = 0; i < 7; i++) {
			tasks.add(user, new NewTask("task " + i, null, (i % 3 == 0) ? null : today.plusDays(i % 4), null, null))
				.block();
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			TaskPage page = tasks
				.list(user, ZoneOffset.UTC, new TaskQuery(null, null, null, null, null, TaskQuery.Sort.DUE, 3, cursor))
				.block();
			page.items().forEach((task) -> seen.add(task.title()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		assertThat(seen).hasSize(7).doesNotHaveDuplicates();
		TaskPage all = tasks
			.list(user, ZoneOffset.UTC, new TaskQuery(null, null, null, null, null, TaskQuery.Sort.DUE, 100, null))
			.block();
		assertThat(all.items()).extracting(TaskView::title).containsExactlyElementsOf(seen);
	}

	@Test
	void cursorOfAnotherUserIsRefused() {
		long user = newUser();
		long other = newUser();
		for (int i = 0; i < 3; i++) {
			tasks.add(user, new NewTask("t" + i, null, null, null, null)).block();
		}
		String cursor = tasks.list(user, ZoneOffset.UTC, new TaskQuery(null, null, null, null, null, null, 1, null))
			.block()
			.nextCursor();
		assertThatThrownBy(
				() -> tasks.list(other, ZoneOffset.UTC, new TaskQuery(null, null, null, null, null, null, 1, cursor)))
			.isInstanceOf(InvalidInputException.class)
			.extracting("field")
			.isEqualTo("cursor");
	}

	@Test
	void filtersByTagAndText() {
		long user = newUser();
		tasks.add(user, new NewTask("Call mom", null, null, null, List.of("family"))).block();
		tasks.add(user, new NewTask("Buy 100% juice", "for MOM", null, null, List.of("shop"))).block();
		TaskPage byTag = tasks
			.list(user, ZoneOffset.UTC, new TaskQuery(null, null, "family", null, null, null, null, null))
			.block();
		TaskPage byText = tasks
			.list(user, ZoneOffset.UTC, new TaskQuery(null, null, null, "mom", null, null, null, null))
			.block();
		TaskPage byPercent = tasks
			.list(user, ZoneOffset.UTC, new TaskQuery(null, null, null, "0%", null, null, null, null))
			.block();
		assertThat(byTag.items()).extracting(TaskView::title).containsExactly("Call mom");
		assertThat(byText.items()).extracting(TaskView::title).containsExactly("Buy 100% juice", "Call mom");
		assertThat(byPercent.items()).extracting(TaskView::title).containsExactly("Buy 100% juice");
	}

}
