package dev.todobot.core.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.todobot.core.db.Database;
import dev.todobot.core.db.DatabaseHealthIndicator;
import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.core.db.PersistentEntities;
import dev.todobot.core.db.PoolSettings;
import dev.todobot.core.db.EventLoops;
import dev.todobot.core.db.ReactiveDatabase;
import dev.todobot.core.reminder.ReminderService;
import dev.todobot.core.task.Task;
import dev.todobot.core.task.TaskService;
import dev.todobot.core.user.AuthService;
import dev.todobot.core.user.PasswordHashing;
import dev.todobot.core.user.TokenService;
import dev.todobot.core.user.User;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The shared domain for every function: the database, tasks, users and tokens. Settings
 * come from the environment: {@code DATABASE_URL} or {@code DB_*}, {@code JWT_SECRET},
 * {@code JWT_LIFETIME} (default 24h), {@code DB_POOL_SIZE} (default 8),
 * {@code DB_STATEMENT_TIMEOUT} (default 10s, 0 for none),
 * {@code PASSWORD_HASHING_THREADS} (default: the CPUs) and {@code PASSWORD_HASHING_QUEUE}
 * (default: 32 per thread).
 */
@AutoConfiguration
public class TodoCoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DatabaseSettings databaseSettings(Environment environment) {
		return DatabaseSettings.fromEnvironment(environment::getProperty);
	}

	@Bean
	@ConditionalOnMissingBean
	PersistentEntities persistentEntities() {
		return new PersistentEntities(List.of(Task.class, User.class));
	}

	/**
	 * The event loops of the database client, which the web server serves HTTP on too.
	 * Not closed here: the session factory stops them when the database closes.
	 */
	@Bean
	@ConditionalOnMissingBean
	EventLoops eventLoops() {
		return new EventLoops();
	}

	@Bean(destroyMethod = "close")
	Database database(DatabaseSettings settings, PersistentEntities entities, Environment environment,
			EventLoops loops) {
		PoolSettings defaults = PoolSettings.defaults();
		PoolSettings pool = new PoolSettings(environment.getProperty("DB_POOL_SIZE", Integer.class, defaults.maxSize()),
				defaults.connectTimeout(), defaults.reconnectAttempts(), defaults.reconnectInterval(),
				defaults.acquireTimeout(),
				environment.getProperty("DB_STATEMENT_TIMEOUT", Duration.class, defaults.statementTimeout()));
		return new Database(ReactiveDatabase.sessionFactory(settings, pool, entities.classes(), loops),
				pool.statementTimeout(), loops);
	}

	@Bean
	DatabaseHealthIndicator databaseHealthIndicator(Database database) {
		return new DatabaseHealthIndicator(database);
	}

	@Bean
	TokenService tokenService(Environment environment, Clock clock) {
		return new TokenService(environment.getProperty("JWT_SECRET"),
				environment.getProperty("JWT_LIFETIME", Duration.class, Duration.ofHours(24)), clock);
	}

	@Bean
	TaskService taskService(Database database, Environment environment, Clock clock) {
		return new TaskService(database, environment.getRequiredProperty("JWT_SECRET").getBytes(StandardCharsets.UTF_8),
				clock);
	}

	@Bean
	ReminderService reminderService(Database database) {
		return new ReminderService(database);
	}

	@Bean(destroyMethod = "close")
	PasswordHashing passwordHashing(Environment environment) {
		// one hash at a time per CPU: more finish no sooner, and each holds ~16 MiB of
		// heap
		int threads = environment.getProperty("PASSWORD_HASHING_THREADS", Integer.class,
				Runtime.getRuntime().availableProcessors());
		// a waiting hash holds no memory: the queue only bounds the wait, a few seconds
		// on one CPU under load (the pod-parity runner's burst of 50 sign-ups had 41 of
		// them refused with 8 per thread)
		int queue = environment.getProperty("PASSWORD_HASHING_QUEUE", Integer.class, 32 * threads);
		return new PasswordHashing(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), threads, queue);
	}

	@Bean
	AuthService authService(Database database, PasswordHashing passwordHashing, TokenService tokens, Clock clock) {
		return new AuthService(database, passwordHashing, tokens, clock);
	}

}
