package dev.todobot.parity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load scenarios against a running release through Kourier, each a row of the report:
 * what the answers were, the service's container restarts and its pods' cgroup peak
 * memory (memory.max_usage_in_bytes) against their limit.
 */
final class LoadScenarios {

	private final PodParity parity;

	private final List<String> rows = new ArrayList<>();

	LoadScenarios(PodParity parity) {
		this.parity = parity;
	}

	/**
	 * The report's table of the scenarios run so far.
	 * @return the Markdown table
	 */
	String table() {
		return "| scenario | service | requests | 2xx | 4xx | 5xx (503+Retry-After) | other failures | restarts | peak memory / limit | took |\n|---|---|---|---|---|---|---|---|---|---|\n"
				+ String.join("\n", this.rows);
	}

	/** N requests at once, each on its own virtual thread. */
	Outcome burst(String service, String scenario, int count, Function<Integer, HttpResponse<String>> request) {
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
		threads.forEach(LoadScenarios::join);
		return finish(scenario, service, measurement, List.copyOf(answers), List.copyOf(failures));
	}

	/**
	 * Workers sending one request after the other for a while; a fault may run meanwhile.
	 */
	Outcome closedLoop(String service, String scenario, int workers, Duration duration, Runnable fault,
			Supplier<HttpResponse<String>> request) {
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
		threads.forEach(LoadScenarios::join);
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

	static void sleep(Duration duration) {
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
	record Outcome(String scenario, String service, List<HttpResponse<String>> answers, List<String> failures,
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
