package dev.todobot.todoctl.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class HttpReadinessProbeTests {

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] body = "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(503, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void returnsTheStatusAndBodyOfTheAnswer() throws IOException {
		URI uri = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/actuator/health/readiness");

		ReadinessProbe.Answer answer = new HttpReadinessProbe().get(uri, Duration.ofSeconds(5));

		assertThat(answer).isEqualTo(
				new ReadinessProbe.Answer(503, "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}"));
	}

	@Test
	void failsWhenNothingListens() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		URI uri = URI.create("http://127.0.0.1:" + closedPort + "/actuator/health/readiness");

		assertThatIOException().isThrownBy(() -> new HttpReadinessProbe().get(uri, Duration.ofSeconds(5)));
	}

}
