package dev.todobot.devstack;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DevStackTests {

	private static final Set<Integer> GIVEN_PORTS = ConcurrentHashMap.newKeySet();

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	@TempDir
	Path web;

	@Test
	void keepsTasksAcrossARestartAndWipesThemWithFresh() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		DevStackOptions options = options();
		PrintStream out = new PrintStream(new ByteArrayOutputStream());
		String token;
		try (DevStack stack = DevStack.start(options, out)) {
			String session = post(stack.url() + "/api/todo/signup", null,
					"{\"email\":\"dev@example.com\",\"password\":\"correct horse\"}");
			token = session.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			post(stack.url() + "/api/todo/addTask", token, "{\"title\":\"Survives a restart\"}");
			assertThat(get(stack.url() + "/")).contains("todo app");
		}
		try (DevStack stack = DevStack.start(options, out)) {
			assertThat(post(stack.url() + "/api/chat/chat", token, "{\"message\":\"show my tasks\"}"))
				.contains("Survives a restart");
		}
		DevStackOptions fresh = new DevStackOptions(options.root(), this.data, this.web, true, options.ports());
		try (DevStack stack = DevStack.start(fresh, out)) {
			assertThat(post(stack.url() + "/api/todo/login", null,
					"{\"email\":\"dev@example.com\",\"password\":\"correct horse\"}"))
				.contains("Wrong e-mail or password");
		}
	}

	@Test
	void eventsReachTheRemindersFunctionByTheChartsTriggersAndWhatItRefusesIsKept() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		DevStackOptions options = options();
		try (DevStack stack = DevStack.start(options, new PrintStream(OutputStream.nullOutputStream()))) {
			String api = stack.url() + "/api/todo";
			String session = post(api + "/signup", null,
					"{\"email\":\"events@example.com\",\"password\":\"correct horse\"}");
			String token = session.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			String added = post(api + "/addTask", token,
					"{\"title\":\"Water the plants\",\"dueDate\":\"2030-05-03\",\"recurrence\":\"FREQ=DAILY\"}");
			String id = added.replaceAll(".*\"id\":(\\d+).*", "$1");
			post(api + "/addTask", token,
					"{\"title\":\"Pay rent\",\"dueDate\":\"2030-05-03\",\"remindAt\":\"2020-01-01T09:00:00Z\"}");
			// todo announces the completion to its K_SINK, the local broker, which
			// delivers it to
			// the reminders function's /taskCompleted: the next occurrence appears
			post(api + "/completeTask", token, "{\"id\":" + id + "}");
			assertThat(await(() -> post(api + "/listTasks", token, "{\"status\":\"pending\"}"), "2030-05-04"))
				.contains("Water the plants");
			// mcp announces too (chat completes tasks through it): completing the next
			// occurrence by tools/call brings the one after
			String next = post(api + "/listTasks", token, "{\"status\":\"pending\"}")
				.replaceAll(".*\"id\":(\\d+),\"title\":\"Water the plants\".*", "$1");
			HttpRequest complete = HttpRequest.newBuilder(URI.create(stack.url() + "/mcp"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"complete_task\","
								+ "\"arguments\":{\"task_id\":" + next + "}}}"))
				.build();
			assertThat(this.http.send(complete, HttpResponse.BodyHandlers.ofString()).body())
				.contains("\"isError\":false");
			assertThat(await(() -> post(api + "/listTasks", token, "{\"status\":\"pending\"}"), "2030-05-05"))
				.contains("Water the plants");
			// a tick, as the PingSource's every minute: the due reminder reaches the
			// user's list
			HttpRequest ping = HttpRequest.newBuilder(URI.create(stack.brokerUrl()))
				.header("ce-specversion", "1.0")
				.header("ce-id", "tick-1")
				.header("ce-source", "/apis/v1/namespaces/devstack/pingsources/reminders-tick")
				.header("ce-type", "dev.knative.sources.ping")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
			assertThat(this.http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(202);
			assertThat(await(() -> post(api + "/listReminders", token, "{}"), "Pay rent")).contains("2020-01-01T09:00");
			// an event the reminders function refuses (no task in its data): not retried,
			// it goes to the dead letters with Knative's extensions
			HttpRequest refused = HttpRequest.newBuilder(URI.create(stack.brokerUrl()))
				.header("ce-specversion", "1.0")
				.header("ce-id", "refused-by-reminders")
				.header("ce-source", "/todo")
				.header("ce-type", "todo.task.completed")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build();
			assertThat(this.http.send(refused, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(202);
			String reminders = "http://127.0.0.1:" + options.ports().reminders();
			assertThat(await(() -> get(reminders + "/deadLetters"), "refused-by-reminders"))
				.contains("\"errorCode\":400", "\"errorDestination\":\"" + reminders + "/taskCompleted\"");
		}
	}

	/**
	 * Asks again until the answer contains the text, as the events behind it travel.
	 */
	private static String await(Callable<String> ask, String text) throws Exception {
		String answer = ask.call();
		for (int i = 0; i < 600 && !answer.contains(text); i++) {
			Thread.sleep(100);
			answer = ask.call();
		}
		assertThat(answer).contains(text);
		return answer;
	}

	@Test
	void stopsWhatAKilledDevstackLeftRunning() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		DevStackOptions options = options();
		Process killed = startInOwnJvm(options, AbandonedStack.class, "READY");
		List<ProcessHandle> leftBehind = killed.descendants().toList();
		killed.destroyForcibly().waitFor();
		assertThat(leftBehind).as("processes that outlive a killed devstack").anyMatch(ProcessHandle::isAlive);
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		try (DevStack stack = DevStack.start(options, new PrintStream(log, true, StandardCharsets.UTF_8))) {
			assertThat(post(stack.url() + "/api/todo/signup", null,
					"{\"email\":\"again@example.com\",\"password\":\"correct horse\"}"))
				.contains("\"token\"");
		}
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("Stopped todo function", "Stopped PostgreSQL");
		assertThat(leftBehind).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void aSigtermWhileTheFunctionsStartStopsThem() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		Process stack = startInOwnJvm(options(), StoppedWhileStarting.class, "PostgreSQL started");
		List<ProcessHandle> functions = stack.descendants().toList();
		while (functions.stream().filter(DevStackTests::isFunction).count() < 4) {
			Thread.sleep(20);
			functions = stack.descendants().toList();
		}
		stack.destroy();
		stack.waitFor();
		assertThat(functions.stream().filter(DevStackTests::isFunction))
			.as("functions started before the SIGTERM, still running after the devstack stopped")
			.noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void anIdleStackStillAnswersThroughTheGateway() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		try (DevStack stack = DevStack.start(options(), new PrintStream(OutputStream.nullOutputStream()))) {
			// the functions have logged their start and now write nothing: a reader of
			// their
			// output, if there were one, would be blocked on its idle pipe
			Thread.sleep(3000);
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String path = List.of("/healthz", "/", "/api/todo/listTasks").get(i % 3);
				answers.add(client.sendAsync(
						HttpRequest.newBuilder(URI.create(stack.url() + path)).timeout(Duration.ofSeconds(20)).build(),
						HttpResponse.BodyHandlers.ofString()));
			}
			for (CompletableFuture<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).isIn(200, 401);
			}
		}
	}

	@Test
	void refusesASecondStackOnTheSameDataDirectoryNamingThePid() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		DevStackOptions options = options();
		try (DevStack stack = DevStack.start(options, new PrintStream(OutputStream.nullOutputStream()))) {
			DevStackOptions second = new DevStackOptions(options.root(), this.data, this.web, true,
					new DevStackOptions.Ports(freePort(), freePort(), freePort(), freePort(), freePort()));
			assertThatIllegalStateException()
				.isThrownBy(() -> DevStack.start(second, new PrintStream(OutputStream.nullOutputStream())))
				.withMessage("Another devstack (pid " + ProcessHandle.current().pid() + ") is running on " + this.data
						+ ": stop it first, or start this one with --data-dir and --port");
			assertThat(post(stack.url() + "/api/todo/signup", null,
					"{\"email\":\"kept@example.com\",\"password\":\"correct horse\"}"))
				.as("the running stack and its data are untouched")
				.contains("\"token\"");
		}
	}

	@Test
	void aStartWaitsForAStackThatIsStillStopping() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		DevStackOptions options = options();
		DevStack first = DevStack.start(options, new PrintStream(OutputStream.nullOutputStream()));
		Thread stopping = Thread.ofPlatform().start(first::close);
		Path lock = this.data.resolve("devstack.lock");
		while (!Files.readString(lock).endsWith("stopping")) {
			Thread.sleep(10);
		}
		DevStackOptions again = new DevStackOptions(options.root(), this.data, this.web, true, options.ports());
		try (DevStack second = DevStack.start(again, new PrintStream(OutputStream.nullOutputStream()))) {
			assertThat(stopping.isAlive()).as("the first stack is done stopping").isFalse();
			assertThat(get(second.url() + "/healthz")).isEqualTo("ok\n");
		}
	}

	@Test
	void keepsTheSigningKeyReadableByItsOwnerOnly() throws Exception {
		Files.writeString(this.web.resolve("index.html"), "<html>todo app</html>");
		try (DevStack stack = DevStack.start(options(), new PrintStream(OutputStream.nullOutputStream()))) {
			assertThat(Files.getPosixFilePermissions(this.data.resolve("jwt-secret")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		}
	}

	@Test
	void readsThePortAndTheDataDirectory() {
		DevStackOptions options = DevStackOptions.parse(List.of("--port", "9090", "--data-dir", "e2e", "--fresh"),
				Path.of(""));
		assertThat(options.ports()).isEqualTo(new DevStackOptions.Ports(9090, 9091, 9092, 9093, 9094));
		assertThat(options.dataDirectory()).isEqualTo(Path.of("e2e").toAbsolutePath());
		assertThat(options.fresh()).isTrue();
	}

	@Test
	void refusesAnUnknownArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> DevStackOptions.parse(List.of("--frsh"), Path.of("")))
			.withMessageContaining("--fresh");
	}

	private DevStackOptions options() throws IOException {
		return new DevStackOptions(DevStackOptions.repositoryRoot(Path.of("")), this.data, this.web, false,
				new DevStackOptions.Ports(freePort(), freePort(), freePort(), freePort(), freePort()));
	}

	private String get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
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

	private static boolean isFunction(ProcessHandle process) {
		return process.info().commandLine().orElse("").matches(".*/(todo|mcp|chat|reminders)\\.jar.*");
	}

	/**
	 * Starts a devstack in its own JVM and returns once it printed a line; shows what it
	 * printed before when it stops without that line.
	 */
	private static Process startInOwnJvm(DevStackOptions options, Class<?> main, String until) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		DevStackOptions.Ports ports = options.ports();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(),
				options.dataDirectory().toString(), options.webRoot().toString(), Integer.toString(ports.gateway()),
				Integer.toString(ports.todo()), Integer.toString(ports.mcp()), Integer.toString(ports.chat()),
				Integer.toString(ports.reminders()))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder log = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null && !line.startsWith(until)) {
			log.append(line).append('\n');
		}
		assertThat(line).as("the line after the devstack's output:%n%s", log).startsWith(until);
		return process;
	}

	/**
	 * A port free now, below the range the kernel gives outgoing connections their local
	 * ports from: a port from that range (what binding port 0 returns) can be taken by
	 * one of the stack's own connections before the function meant to listen on it starts
	 * ("Port ... was already in use"). Never the same port twice in a run.
	 */
	private static int freePort() throws IOException {
		while (true) {
			int port = ThreadLocalRandom.current().nextInt(20000, 32768);
			if (GIVEN_PORTS.add(port)) {
				try (ServerSocket socket = new ServerSocket(port)) {
					return socket.getLocalPort();
				}
				catch (BindException ex) {
					// taken: try another
				}
			}
		}
	}

}
