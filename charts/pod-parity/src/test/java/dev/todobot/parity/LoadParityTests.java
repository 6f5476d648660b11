package dev.todobot.parity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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

	private final List<String> rows = new ArrayList<>();

	private final List<String> tokens = new ArrayList<>();

	private final List<String> emails = new ArrayList<>();

	private final List<Client> users = new ArrayList<>();

	private PodParity parity;

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options());
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
		ParityReport.section("Load and faults under the pod limits (`LoadParityTests`)",
				"| scenario | service | requests | 2xx | 4xx | 5xx (503+Retry-After) | other failures | restarts | peak memory / limit | took |\n|---|---|---|---|---|---|---|---|---|---|\n"
						+ String.join("\n", this.rows));
	}

	@Test
	@Order(1)
	void fiftyConcurrentSignUps() {
		Outcome outcome = burst("todo", "50 concurrent sign-ups", USERS,
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
		burst("todo", "50 concurrent logins", USERS, (i) -> this.users.get(i)
			.post("todo", "/login", null, "{\"email\":\"" + this.emails.get(i) + "\",\"password\":\"correct horse\"}"))
			.assertHealthy();
	}

	@Test
	@Order(3)
	void listTasksAtThirtyTwoConnectionsForTwentySeconds() {
		String token = token(0);
		this.client.post("todo", "/addTask", token, "{\"title\":\"listed\"}");
		closedLoop("todo", "listTasks, 32 connections, 20 s", 32, Duration.ofSeconds(20), null,
				() -> this.client.post("todo", "/listTasks", token, "{}"))
			.assertHealthy();
	}

	@Test
	@Order(4)
	void fiftyConcurrentChatUsers() {
		List<String> tokens = IntStream.range(0, USERS).mapToObj(this::token).toList();
		burst("chat", "50 concurrent chat users", USERS,
				(i) -> this.users.get(i).post("chat", "/chat", tokens.get(i), "{\"message\":\"add buy milk\"}"))
			.assertHealthy();
	}

	@Test
	@Order(5)
	void aRolloutDuringLoadLosesNoRequest() {
		String token = token(1);
		KnativeService todo = this.parity.service("todo");
		closedLoop("todo", "a rollout (drain, SIGTERM) during listTasks load", 16, Duration.ofSeconds(12), () -> {
			sleep(Duration.ofSeconds(3));
			todo.rollOver(Duration.ofSeconds(todo.timeoutSeconds()));
		}, () -> this.client.post("todo", "/listTasks", token, "{}")).assertHealthy();
	}

	@Test
	@Order(6)
	void databaseOutageDuringWritesLosesNoAcknowledgedWrite() {
		String token = token(2);
		RunningPod pod = this.parity.service("todo").pod();
		ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
		AtomicBoolean wentUnready = new AtomicBoolean();
		AtomicBoolean cameBack = new AtomicBoolean();
		Outcome outcome = closedLoop("todo", "PostgreSQL stopped 20 s and started during addTask", 8,
				Duration.ofSeconds(45), () -> {
					sleep(Duration.ofSeconds(3));
					this.parity.database().stop();
					long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
					while (System.nanoTime() < until) {
						wentUnready.compareAndSet(false, !pod.ready());
						sleep(Duration.ofMillis(100));
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

	/** N requests at once, each on its own virtual thread. */
	private Outcome burst(String service, String scenario, int count, Function<Integer, HttpResponse<String>> request) {
		Measurement measurement = Measurement.start(this.parity.service(service));
		ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			threads.add(Thread.ofVirtual().start(() -> {
				try {
					answers.add(request.apply(index));
				}
				catch (RuntimeException ex) {
					failures.add(String.valueOf(ex));
				}
			}));
		}
		threads.forEach(LoadParityTests::join);
		return finish(scenario, service, measurement, List.copyOf(answers), List.copyOf(failures));
	}

	/**
	 * Workers sending one request after the other for a while; a fault may run meanwhile.
	 */
	private Outcome closedLoop(String service, String scenario, int workers, Duration duration, Runnable fault,
			java.util.function.Supplier<HttpResponse<String>> request) {
		Measurement measurement = Measurement.start(this.parity.service(service));
		ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long until = System.nanoTime() + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				while (System.nanoTime() < until) {
					try {
						answers.add(request.get());
					}
					catch (RuntimeException ex) {
						failures.add(String.valueOf(ex));
					}
				}
			}));
		}
		if (fault != null) {
			fault.run();
		}
		threads.forEach(LoadParityTests::join);
		return finish(scenario, service, measurement, List.copyOf(answers), List.copyOf(failures));
	}

	private Outcome finish(String scenario, String service, Measurement measurement, List<HttpResponse<String>> answers,
			List<String> failures) {
		Outcome outcome = new Outcome(scenario, service, answers, failures, measurement.restarts(),
				measurement.peakMemory(), measurement.memoryLimit(), measurement.seconds(), measurement.describe());
		Map<Integer, Integer> byClass = new ConcurrentHashMap<>();
		answers.forEach((answer) -> byClass.merge(answer.statusCode() / 100, 1, Integer::sum));
		long retryAfter = answers.stream()
			.filter((answer) -> answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent())
			.count();
		this.rows.add("| " + scenario + " | " + service + " | " + (answers.size() + failures.size()) + " | "
				+ byClass.getOrDefault(2, 0) + " | " + byClass.getOrDefault(4, 0) + " | " + byClass.getOrDefault(5, 0)
				+ " (" + retryAfter + ") | " + failures.size() + " | " + outcome.restarts() + " | "
				+ ParityReport.mib(outcome.peakMemory()) + " / " + ParityReport.mib(outcome.memoryLimit()) + " | "
				+ ParityReport.seconds(outcome.seconds()) + " |");
		return outcome;
	}

	private static void join(Thread thread) {
		try {
			thread.join(Duration.ofMinutes(3));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The service's pods during a scenario: restarts, and the highest cgroup peak of its
	 * pods (each reset at the start).
	 */
	private record Measurement(KnativeService service, List<RunningPod> running, int restartsBefore, long started) {

		static Measurement start(KnativeService service) {
			List<RunningPod> running = service.pods().stream().filter((pod) -> !pod.cgroup().removed()).toList();
			running.forEach((pod) -> pod.cgroup().resetPeakMemory());
			return new Measurement(service, running, service.restarts(), System.nanoTime());
		}

		/** The pods running at the start, and those started since. */
		List<RunningPod> pods() {
			return this.service.pods()
				.stream()
				.filter((pod) -> this.running.contains(pod) || pod.createdNanos() >= this.started)
				.toList();
		}

		int restarts() {
			return this.service.restarts() - this.restartsBefore;
		}

		long peakMemory() {
			return pods().stream().mapToLong((pod) -> pod.cgroup().peakMemory()).max().orElse(-1);
		}

		long memoryLimit() {
			return pods().get(0).cgroup().memoryLimit();
		}

		double seconds() {
			return (System.nanoTime() - this.started) / 1e9;
		}

		String describe() {
			return pods().stream().map(RunningPod::describe).reduce("", (a, b) -> a + "\n" + b);
		}

	}

	/**
	 * What a scenario saw.
	 */
	private record Outcome(String scenario, String service, List<HttpResponse<String>> answers, List<String> failures,
			int restarts, long peakMemory, long memoryLimit, double seconds, String pods) {

		void assertHealthy() {
			assertThat(this.restarts).as("restarts in " + this.scenario + "\n" + this.pods).isZero();
			assertThat(this.failures).as("requests without an answer in " + this.scenario + "\n" + this.pods).isEmpty();
			List<String> errors = this.answers.stream()
				.filter((answer) -> answer.statusCode() >= 500
						&& !(answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent()))
				.map((answer) -> answer.statusCode() + " " + answer.body())
				.limit(5)
				.toList();
			assertThat(errors).as("5xx other than 503 + Retry-After in " + this.scenario).isEmpty();
			assertThat(this.peakMemory).as("peak memory of " + this.service + " in " + this.scenario)
				.isLessThan(this.memoryLimit * 9 / 10);
		}

	}

}
