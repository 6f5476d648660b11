package dev.todobot.parity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load and faults under the pods' rendered limits, each bounded in time, through Kourier:
 * bursts of sign-ups, logins and chat users, listTasks at 32 connections, a rollout that
 * drains and stops the old pod while requests keep coming, and the database stopped and
 * started during writes. Each must end with no container restart, no 5xx but a 503 with
 * Retry-After, and the container's cgroup peak memory (memory.max_usage_in_bytes) under
 * 90% of its limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadParityTests {

	private static final int USERS = 50;

	private final Client client = new Client();

	private final List<String> tokens = new ArrayList<>();

	private final List<String> emails = new ArrayList<>();

	private final List<Client> users = new ArrayList<>();

	private PodParity parity;

	private LoadScenarios scenarios;

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options());
		this.scenarios = new LoadScenarios(this.parity);
		for (String service : this.parity.services()) {
			assertThat(this.parity.awaitReady(service)).as(this.parity.describe(service)).isTrue();
		}
		for (int i = 0; i < USERS; i++) {
			this.emails.add("load-" + i + "-" + UUID.randomUUID() + "@example.com");
			this.users.add(this.client.anotherUser());
		}
	}

	@AfterAll
	void report() {
		ParityReport.section("Load and faults under the pod limits (`LoadParityTests`)", this.scenarios.table());
	}

	@Test
	@Order(1)
	void fiftyConcurrentSignUps() {
		LoadScenarios.Outcome outcome = this.scenarios.burst("todo", "50 concurrent sign-ups", USERS,
				(i) -> this.users.get(i)
					.post("todo", "/signup", null,
							"{\"email\":\"" + this.emails.get(i) + "\",\"password\":\"correct horse\"}"));
		outcome.answers().forEach((answer) -> {
			if (answer.statusCode() == 200) {
				this.tokens.add(Client.token(answer));
			}
		});
		outcome.assertHealthy();
	}

	@Test
	@Order(2)
	void fiftyConcurrentLogins() {
		this.scenarios
			.burst("todo", "50 concurrent logins", USERS,
					(i) -> this.users.get(i)
						.post("todo", "/login", null,
								"{\"email\":\"" + this.emails.get(i) + "\",\"password\":\"correct horse\"}"))
			.assertHealthy();
	}

	@Test
	@Order(3)
	void listTasksAtThirtyTwoConnectionsForTwentySeconds() {
		String token = token(0);
		this.client.post("todo", "/addTask", token, "{\"title\":\"listed\"}");
		this.scenarios
			.closedLoop("todo", "listTasks, 32 connections, 20 s", 32, Duration.ofSeconds(20), null,
					() -> this.client.post("todo", "/listTasks", token, "{}"))
			.assertHealthy();
	}

	@Test
	@Order(4)
	void fiftyConcurrentChatUsers() {
		List<String> tokens = IntStream.range(0, USERS).mapToObj(this::token).toList();
		this.scenarios
			.burst("chat", "50 concurrent chat users", USERS,
					(i) -> this.users.get(i).post("chat", "/chat", tokens.get(i), "{\"message\":\"add buy milk\"}"))
			.assertHealthy();
	}

	@Test
	@Order(5)
	void aRolloutDuringLoadLosesNoRequest() {
		String token = token(1);
		KnativeService todo = this.parity.service("todo");
		this.scenarios
			.closedLoop("todo", "a rollout (drain, SIGTERM) during listTasks load", 16, Duration.ofSeconds(12), () -> {
				LoadScenarios.sleep(Duration.ofSeconds(3));
				todo.rollOver(Duration.ofSeconds(todo.timeoutSeconds()));
			}, () -> this.client.post("todo", "/listTasks", token, "{}"))
			.assertHealthy();
	}

	@Test
	@Order(6)
	void databaseOutageDuringWritesLosesNoAcknowledgedWrite() {
		String token = token(2);
		RunningPod pod = this.parity.service("todo").pod();
		ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
		AtomicBoolean wentUnready = new AtomicBoolean();
		AtomicBoolean cameBack = new AtomicBoolean();
		LoadScenarios.Outcome outcome = this.scenarios.closedLoop("todo",
				"PostgreSQL stopped 20 s and started during addTask", 8, Duration.ofSeconds(45), () -> {
					LoadScenarios.sleep(Duration.ofSeconds(3));
					this.parity.database().stop();
					long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
					while (System.nanoTime() < until) {
						wentUnready.compareAndSet(false, !pod.ready());
						LoadScenarios.sleep(Duration.ofMillis(100));
					}
					this.parity.database().restart();
					cameBack.set(pod.awaitReady(Duration.ofSeconds(20)));
				}, () -> {
					HttpResponse<String> answer = this.client.post("todo", "/addTask", token,
							"{\"title\":\"durable\"}");
					if (answer.statusCode() == 200) {
						ids.add(Client.id(answer));
					}
					return answer;
				});
		outcome.assertHealthy();
		assertThat(wentUnready).as("readiness went down during the outage\n" + pod.describe()).isTrue();
		assertThat(cameBack).as("readiness came back\n" + pod.describe()).isTrue();
		String database = this.parity.databaseCoordinates().database();
		String list = ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
		assertThat(this.parity.database().count(database, "SELECT count(*) FROM tasks WHERE id IN (" + list + ")"))
			.as("acknowledged writes present")
			.isEqualTo(ids.size());
	}

	private String token(int user) {
		if (this.tokens.size() <= user) {
			this.tokens.add(this.client.signUp("extra-" + UUID.randomUUID() + "@example.com"));
			return this.tokens.get(this.tokens.size() - 1);
		}
		return this.tokens.get(user);
	}

}
