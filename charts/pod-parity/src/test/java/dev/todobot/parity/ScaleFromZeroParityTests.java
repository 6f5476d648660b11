package dev.todobot.parity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale from zero as a user feels it: with the function scaled to zero, the first request
 * goes to Kourier, the activator starts a pod from the rendered spec and holds the
 * request until the pod is Ready (its readiness probe as rendered), and the request is
 * answered. Five times per function; beside it, from the same starts, the plain cold
 * start: pod created to the first answer of the same request sent straight to the pod
 * every 10 ms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleFromZeroParityTests {

	private static final int RUNS = 5;

	private final Client client = new Client();

	private final HttpClient direct = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

	private final Map<String, String> rows = new LinkedHashMap<>();

	private PodParity parity;

	private String token;

	@BeforeAll
	void install() {
		this.parity = SharedRelease.of(Releases.options());
		for (String service : this.parity.services()) {
			assertThat(this.parity.awaitReady(service)).as(this.parity.describe(service)).isTrue();
		}
		this.token = this.client.signUp("zero-" + UUID.randomUUID() + "@example.com");
		this.client.post("todo", "/addTask", this.token, "{\"title\":\"cold\"}");
	}

	@AfterAll
	void report() {
		ParityReport.section("Scale from zero (`ScaleFromZeroParityTests`, median of " + RUNS + ")",
				"| function | first request through Kourier + activator | plain cold start (pod created to first answer) | pod created to Ready |\n|---|---|---|---|\n"
						+ String.join("\n", this.rows.values()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "todo", "mcp", "chat" })
	void firstRequestToAScaledToZeroFunctionIsAnswered(String function) throws Exception {
		KnativeService service = this.parity.service(function);
		List<Double> throughGateway = new ArrayList<>();
		List<Double> plain = new ArrayList<>();
		List<Double> toReady = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			service.scaleToZero(Duration.ofSeconds(30));
			AtomicLong firstAnswer = new AtomicLong(-1);
			Thread poller = Thread.ofVirtual().start(() -> pollDirectly(service, function, firstAnswer));
			long sent = System.nanoTime();
			HttpResponse<String> response = firstRequest(function);
			long answered = System.nanoTime();
			poller.join(Duration.ofSeconds(60));
			RunningPod pod = service.pod();
			assertThat(response.statusCode()).as(response.body() + "\n" + pod.describe()).isEqualTo(200);
			assertThat(pod.restartCount()).as(pod.describe()).isZero();
			throughGateway.add((answered - sent) / 1e9);
			if (firstAnswer.get() > 0) {
				plain.add((firstAnswer.get() - pod.createdNanos()) / 1e9);
			}
			// the activator may pass the first request on before the kubelet reports
			// Ready
			assertThat(pod.awaitReady(Duration.ofSeconds(60))).as(pod.describe()).isTrue();
			toReady.add(pod.timeToReady().toNanos() / 1e9);
		}
		this.rows.put(function,
				"| " + function + " | " + ParityReport.seconds(median(throughGateway)) + " | "
						+ (plain.isEmpty() ? "n/a" : ParityReport.seconds(median(plain))) + " | "
						+ ParityReport.seconds(median(toReady)) + " |");
		assertThat(throughGateway).hasSize(RUNS);
	}

	private HttpResponse<String> firstRequest(String function) {
		return switch (function) {
			case "todo" -> this.client.post("todo", "/listTasks", this.token, "{}");
			case "mcp" ->
				this.client.post("mcp", "/mcp", this.token, mcpListTasks(), "application/json, text/event-stream");
			default -> this.client.post("chat", "/chat", this.token, "{\"message\":\"show my tasks\"}");
		};
	}

	private static String mcpListTasks() {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tasks\",\"arguments\":{}}}";
	}

	/** The same request straight to the pod, every 10 ms, until it answers 200. */
	private void pollDirectly(KnativeService service, String function, AtomicLong firstAnswer) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			RunningPod pod = service.pod();
			if (pod != null) {
				String path = switch (function) {
					case "todo" -> "/listTasks";
					case "mcp" -> "/mcp";
					default -> "/chat";
				};
				String body = switch (function) {
					case "todo" -> "{}";
					case "mcp" -> mcpListTasks();
					default -> "{\"message\":\"show my tasks\"}";
				};
				try {
					HttpResponse<Void> response = this.direct
						.send(HttpRequest.newBuilder(URI.create("http://" + pod.address() + ":" + pod.port() + path))
							.timeout(Duration.ofSeconds(30))
							.header("Authorization", "Bearer " + this.token)
							.header("Content-Type", "application/json")
							.header("Accept",
									function.equals("mcp") ? "application/json, text/event-stream" : "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						firstAnswer.set(System.nanoTime());
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
