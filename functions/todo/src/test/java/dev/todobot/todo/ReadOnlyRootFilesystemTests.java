package dev.todobot.todo;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.todobot.core.testing.EmbeddedDatabase;
import dev.todobot.launcher.FunctionProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The todo function with nothing writable, as its pod runs it: the chart gives the
 * container a read-only root filesystem and mounts no volume, so not even {@code /tmp}
 * can be written. Bubblewrap mounts this machine's root read-only for the JVM (root
 * cannot write there either); the database runs outside, as it does in the cluster.
 */
class ReadOnlyRootFilesystemTests {

	@Test
	void startsIsReadyAndSignsUpWithoutWritingAFile() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = List.of(bubblewrap(), "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
				"--die-with-parent", "--", FunctionProcess.java(),
				// as the image does (functions/Dockerfile): no hsperfdata file in /tmp
				"-XX:-UsePerfData", "-cp", runtimeClasspath(), TodoApplication.class.getName());
		try (FunctionProcess todo = FunctionProcess.start("todo", command, port,
				Map.of("DATABASE_URL", EmbeddedDatabase.url(), "JWT_SECRET", EmbeddedDatabase.JWT_SECRET),
				Path.of("target", "read-only-root-todo.log"))) {
			// its log's end comes with the failure when it does not start
			todo.awaitReady(Duration.ofMinutes(2));
			HttpRequest signUp = HttpRequest.newBuilder(URI.create(todo.url() + "/signup"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"email\":\"read-only-root@example.com\",\"password\":\"correct horse\"}"))
				.build();
			try (HttpClient http = HttpClient.newHttpClient()) {
				HttpResponse<String> answer = http.send(signUp, HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			}
		}
	}

	/**
	 * Debian's bubblewrap, installed when missing and this runs as root (as in CI).
	 */
	private static String bubblewrap() throws Exception {
		Path bwrap = Path.of("/usr/bin/bwrap");
		if (!Files.isExecutable(bwrap) && "root".equals(System.getProperty("user.name"))) {
			for (List<String> step : List.of(List.of("apt-get", "update", "-qq"),
					List.of("apt-get", "install", "-y", "-qq", "bubblewrap"))) {
				ProcessBuilder apt = new ProcessBuilder(step).inheritIO();
				apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
				apt.start().waitFor();
			}
		}
		if (!Files.isExecutable(bwrap)) {
			throw new AssertionError("bwrap is missing: install Debian's bubblewrap (apt-get install bubblewrap)");
		}
		return bwrap.toString();
	}

	/**
	 * The application's classes and its runtime dependencies, without the tests'.
	 */
	private static String runtimeClasspath() throws Exception {
		return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
				+ Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
	}

}
