package dev.todobot.reminders;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.todobot.reminders.ApiServerStandIn.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a pod, each dead letter kept is also recorded as a Kubernetes Warning Event on the
 * reminders Knative Service, which {@code todoctl doctor} reads; the API server is a
 * stand-in here.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterEventTests extends RemindersHttpTestSupport {

	private static final String DESTINATION = "http://reminders.todo-app.svc.cluster.local/taskCompleted";

	private static final ApiServerStandIn api = new ApiServerStandIn();

	@DynamicPropertySource
	static void serviceAccount(DynamicPropertyRegistry registry) {
		ApiServerStandIn.serviceAccount(registry, api.port());
	}

	@BeforeEach
	void apiServerTakesEvents() {
		api.requests.clear();
		api.answer(201);
	}

	@Test
	void aDeadLetterIsRecordedAsAWarningEventOnTheRemindersService() throws InterruptedException {
		String id = deadLetter();
		Request request = api.requests.poll(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v1/namespaces/" + ApiServerStandIn.NAMESPACE + "/events");
		assertThat(request.authorization()).isEqualTo("Bearer " + ApiServerStandIn.TOKEN);
		JsonNode event = JsonMapper.shared().readTree(request.body());
		assertThat(event.path("apiVersion").asString()).isEqualTo("v1");
		assertThat(event.path("kind").asString()).isEqualTo("Event");
		assertThat(event.path("type").asString()).isEqualTo("Warning");
		assertThat(event.path("reason").asString()).isEqualTo("DeadLetter");
		assertThat(event.path("metadata").path("namespace").asString()).isEqualTo(ApiServerStandIn.NAMESPACE);
		JsonNode involved = event.path("involvedObject");
		assertThat(involved.path("apiVersion").asString()).isEqualTo("serving.knative.dev/v1");
		assertThat(involved.path("kind").asString()).isEqualTo("Service");
		assertThat(involved.path("name").asString()).isEqualTo("reminders");
		assertThat(involved.path("namespace").asString()).isEqualTo(ApiServerStandIn.NAMESPACE);
		assertThat(event.path("source").path("component").asString()).isEqualTo("reminders");
		assertThat(event.path("message").asString())
			.isEqualTo("dead letter: todo.task.completed could not be delivered to " + DESTINATION + " (503)");
		assertThat(event.path("count").asInt()).isOne();
		assertThat(event.path("firstTimestamp").asString()).isNotEmpty()
			.isEqualTo(event.path("lastTimestamp").asString());
		// one event for one dead letter: the next request is the next dead letter's
		String next = deadLetter();
		Request second = api.requests.poll(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(second).isNotNull();
		assertThat(api.requests).isEmpty();
		assertThat(value("select count(*) from dead_letters where event_id in ('" + id + "', '" + next + "')"))
			.isEqualTo(2);
	}

	@Test
	void aDeadLetterTheApiServerRefusesToRecordIsStillKept(CapturedOutput output) throws InterruptedException {
		api.answer(403);
		String id = deadLetter();
		assertThat(api.requests.poll(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
		assertThat(value("select count(*) from dead_letters where event_id = '" + id + "'")).isOne();
		String warning = "Could not record a DeadLetter event for dead letter " + id;
		awaitLogged(output, warning);
		assertThat(output.getOut().split(id, -1)).as("logged once").hasSize(2);
		assertThat(output.getOut())
			.contains(warning + " (kept in dead_letters) at https://localhost:" + api.port() + ": 403");
	}

	/**
	 * Delivers a dead letter as the Broker does, and checks the route took it.
	 * @return its event id
	 */
	String deadLetter() {
		String id = UUID.randomUUID().toString();
		binary("/deadLetter", "todo.task.completed", id,
				Map.of("knativeerrordest", DESTINATION, "knativeerrorcode", "503"), "{\"id\":42}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isNumber();
		return id;
	}

	/**
	 * Waits for the function to log a line: the event is recorded after the route
	 * answers.
	 */
	static void awaitLogged(CapturedOutput output, String line) throws InterruptedException {
		long deadline = System.nanoTime() + RESPONSE_TIMEOUT.toNanos();
		while (!output.getOut().contains(line) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(output.getOut()).contains(line);
	}

}
