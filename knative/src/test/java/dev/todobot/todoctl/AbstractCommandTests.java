package dev.todobot.todoctl;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of a todoctl command start from: a mock cluster in CRUD mode that
 * records the service patches it receives, loaded with the healthy app, and todoctl to
 * run against it. Each test gets a fresh cluster.
 */
public abstract class AbstractCommandTests {

	protected final PatchRecordingMockServer server = new PatchRecordingMockServer();

	protected final KubernetesClient client = this.server.client();

	protected final TodoAppFixture fixture = new TodoAppFixture(this.client);

	protected final TodoctlRunner todoctl = new TodoctlRunner(this.client);

	@BeforeEach
	void healthyApp() {
		this.fixture.healthy();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

}
