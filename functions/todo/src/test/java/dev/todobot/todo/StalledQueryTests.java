package dev.todobot.todo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.core.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that cannot finish (here an update waiting for a row another connection
 * holds locked) ends at the statement timeout as a 503 with Retry-After, instead of
 * holding the request and a pool connection for as long as the lock lasts; the pool, one
 * connection here, serves the next request at once.
 */
@TestPropertySource(properties = { "DB_STATEMENT_TIMEOUT=1s", "DB_POOL_SIZE=1" })
class StalledQueryTests extends TodoHttpTestSupport {

	@Test
	void anUpdateStalledOnALockedRowIsA503AndThePoolRecovers() throws Exception {
		String token = signUp();
		long id = addTask(token, Map.of("title", "Water the plants"));
		DatabaseSettings db = EmbeddedDatabase.settings();
		try (Connection locker = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
			locker.setAutoCommit(false);
			try (PreparedStatement lock = locker.prepareStatement("select id from tasks where id = ? for update")) {
				lock.setLong(1, id);
				try (ResultSet locked = lock.executeQuery()) {
					assertThat(locked.next()).isTrue();
				}
			}
			call("updateTask", token, Map.of("id", id, "title", "Water the garden")).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Integer.parseInt(seconds)).isPositive())
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(503);
			// the only pool connection is free again while the lock is still held
			call("listTasks", token, Map.of()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].title")
				.isEqualTo("Water the plants");
			locker.rollback();
		}
		call("updateTask", token, Map.of("id", id, "title", "Water the garden")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Water the garden");
	}

}
