package dev.todobot.parity;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * todo-app installed with an external database given by URL (values/neon.yaml, Neon's
 * form, with {@code sslmode=require}): the migration Job and the functions reach it by
 * its host name over TLS, with the URL's role and password, and serve the README's
 * examples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeonParityTests {

	private final Client client = new Client();

	private PodParity parity;

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options(Releases.NEON_VALUES));
	}

	@Test
	void migrationJobCompletesAgainstTheExternalDatabase() {
		assertThat(this.parity.databaseCoordinates().host()).endsWith(".neon.tech");
		assertThat(this.parity.migration().succeeded()).as(this.parity.migration().output()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "todo", "mcp", "chat", "web" })
	void serviceIsReady(String service) {
		assertThat(this.parity.awaitReady(service)).as(this.parity.describe(service)).isTrue();
		assertThat(this.parity.service(service).pod().restartCount()).isZero();
	}

	@Test
	void signUpAndAddATaskThroughTheWebFront() {
		String token = Client.token(this.client.post("web", "/api/todo/signup", null,
				"{\"email\":\"neon-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse\"}"));
		HttpResponse<String> added = this.client.post("web", "/api/todo/addTask", token, "{\"title\":\"on Neon\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		assertThat(this.parity.database()
			.count(this.parity.databaseCoordinates().database(), "SELECT count(*) FROM tasks WHERE title = 'on Neon'"))
			.isPositive();
	}

}
