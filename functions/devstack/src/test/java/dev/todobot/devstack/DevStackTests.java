package dev.todobot.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DevStackTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	@Test
	void keepsTasksAcrossARestartAndWipesThemWithFresh() throws Exception {
		DevStackOptions options = new DevStackOptions(DevStackOptions.repositoryRoot(Path.of("")), this.data, false,
				freePort(), freePort());
		PrintStream out = new PrintStream(new ByteArrayOutputStream());
		String token;
		try (DevStack stack = DevStack.start(options, out)) {
			String session = post(stack.todoUrl() + "/signup", null,
					"{\"email\":\"dev@example.com\",\"password\":\"correct horse\"}");
			token = session.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			post(stack.todoUrl() + "/addTask", token, "{\"title\":\"Survives a restart\"}");
		}
		try (DevStack stack = DevStack.start(options, out)) {
			assertThat(post(stack.todoUrl() + "/listTasks", token, "{}")).contains("Survives a restart");
		}
		DevStackOptions fresh = new DevStackOptions(options.root(), this.data, true, options.databasePort(),
				options.todoPort());
		try (DevStack stack = DevStack.start(fresh, out)) {
			assertThat(post(stack.todoUrl() + "/login", null,
					"{\"email\":\"dev@example.com\",\"password\":\"correct horse\"}"))
				.contains("Wrong e-mail or password");
		}
	}

	@Test
	void refusesAnUnknownArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> DevStackOptions.parse(List.of("--frsh"), Path.of("")))
			.withMessageContaining("--fresh");
	}

	private String post(String url, String token, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
