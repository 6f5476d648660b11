package dev.todobot.reminders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead letter is kept when the API server it would be recorded on cannot be reached.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterEventUnreachableTests extends RemindersHttpTestSupport {

	@DynamicPropertySource
	static void serviceAccount(DynamicPropertyRegistry registry) {
		ApiServerStandIn.serviceAccount(registry, closedPort());
	}

	@Test
	void aDeadLetterIsKeptWhenTheApiServerIsUnreachable(CapturedOutput output) throws InterruptedException {
		String id = UUID.randomUUID().toString();
		binary("/deadLetter", "todo.task.completed", id,
				Map.of("knativeerrordest", "http://reminders.todo-app.svc.cluster.local/taskCompleted",
						"knativeerrorcode", "503"),
				"{\"id\":42}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isNumber();
		assertThat(value("select count(*) from dead_letters where event_id = '" + id + "'")).isOne();
		DeadLetterEventTests.awaitLogged(output, "Could not record a DeadLetter event for dead letter " + id);
		assertThat(output.getOut().split(id, -1)).as("logged once").hasSize(2);
	}

	/** A port nothing listens on: taken and given back at once. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
