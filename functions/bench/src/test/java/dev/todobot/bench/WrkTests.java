package dev.todobot.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import dev.todobot.training.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

class WrkTests {

	private static final Request LIST_TASKS = Request.post("listTasks", "/listTasks", "{\"q\":\"milk\"}", "\"items\"")
		.withBearer("a.b.c");

	/** What wrk prints around the script's line, as Debian's wrk 4.1 prints it. */
	private static final String OUTPUT = """
			Running 20s test @ http://127.0.0.1:9123/listTasks
			  2 threads and 32 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency    19.10ms    6.21ms  80.10ms   71.20%
			    Req/Sec   834.52     91.30     1.01k    70.25%
			  33180 requests in 20.00s, 52.10MB read
			Requests/sec:   1658.92
			Transfer/sec:      2.60MB
			bench-wrk-result 20001234 33180 0 1 0 2 0 18500 36040.5 80100
			""";

	@TempDir
	Path work;

	@Test
	void theScriptSendsTheRequestsMethodBodyAndHeadersAndPrintsTheFiguresWhenDone() {
		String script = Wrk.script(LIST_TASKS.withHeader("MCP-Protocol-Version", "2025-06-18"));
		assertThat(script).contains("wrk.method = \"POST\"\n")
			.contains("wrk.body = \"{\\\"q\\\":\\\"milk\\\"}\"\n")
			.contains("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
			.contains("wrk.headers[\"Accept\"] = \"application/json\"\n")
			.contains("wrk.headers[\"Authorization\"] = \"Bearer a.b.c\"\n")
			.contains("wrk.headers[\"MCP-Protocol-Version\"] = \"2025-06-18\"\n")
			.contains("done = function(summary, latency, requests)")
			.contains("io.write(string.format(\"bench-wrk-result %d");
	}

	@Test
	void aRequestsOwnAcceptHeaderIsSentInsteadOfJson() {
		String script = Wrk.script(LIST_TASKS.withHeader("Accept", "application/json, text/event-stream"));
		assertThat(script).contains("wrk.headers[\"Accept\"] = \"application/json, text/event-stream\"\n")
			.doesNotContain("wrk.headers[\"Accept\"] = \"application/json\"\n");
	}

	@Test
	void textIsQuotedForLuaByteByByte() {
		assertThat(Wrk.quote("say \"hi\"\\\n")).isEqualTo("\"say \\\"hi\\\"\\\\\\010\"");
		assertThat(Wrk.quote("café")).isEqualTo("\"caf\\195\\169\"");
	}

	@Test
	void theCommandLoadsTheRequestsPathWithTheThreadsConnectionsAndWholeSeconds() {
		Wrk wrk = new Wrk(Path.of("/usr/bin/wrk"), 2, this.work);
		Path script = this.work.resolve("todo-listTasks.lua");
		assertThat(wrk.command(9123, 32, Duration.ofMillis(19_500), script, LIST_TASKS)).containsExactly("/usr/bin/wrk",
				"-t2", "-c32", "-d20s", "--timeout", "30s", "-s", script.toString(), "http://127.0.0.1:9123/listTasks");
		// wrk refuses fewer connections than threads
		assertThat(wrk.command(9123, 1, Duration.ofSeconds(5), script, LIST_TASKS)).contains("-t1", "-c1", "-d5s");
	}

	@Test
	void theResultIsReadFromTheScriptsLineWithEveryKindOfErrorCounted() {
		LoadResult result = Wrk.parse("todo", "listTasks", 32, OUTPUT);
		assertThat(result)
			.isEqualTo(new LoadResult("todo", "listTasks", "wrk", 32, 20.0, 33_180, 3, 1658.75, 18.5, 36.04, 80.1, -1));
	}

	@Test
	void outputWithoutTheScriptsLineIsAnErrorThatShowsIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Wrk.parse("todo", "listTasks", 32, "unable to connect to 127.0.0.1:9123"))
			.withMessage("wrk printed no result: unable to connect to 127.0.0.1:9123");
	}

	@Test
	void wrkIsFoundOnlyAsAnExecutableOnTheSearchPath() throws IOException {
		Path empty = Files.createDirectories(this.work.resolve("empty"));
		Path plain = Files.createDirectories(this.work.resolve("plain"));
		Files.writeString(plain.resolve("wrk"), "not a program");
		Path bin = Files.createDirectories(this.work.resolve("bin"));
		Path wrk = Files.writeString(bin.resolve("wrk"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(wrk, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(Wrk.locate(empty + ":" + plain + "::" + bin)).isEqualTo(wrk);
		assertThat(Wrk.locate(empty + ":" + plain)).isNull();
		assertThat(Wrk.locate(null)).isNull();
	}

	@Test
	void wrkSendsTheRequestAndCountsTheAnswers() throws Exception {
		Path installed = Wrk.locate(System.getenv("PATH"));
		assumeThat(installed).as("wrk installed").isNotNull();
		Set<String> seen = ConcurrentHashMap.newKeySet();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
			byte[] answer = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/listTasks") ? 200 : 500,
					answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		try {
			Wrk wrk = new Wrk(installed, 1, this.work);
			int port = server.getAddress().getPort();
			LoadResult good = wrk.run("todo", LIST_TASKS, port, 2, Duration.ofSeconds(1));
			assertThat(seen).containsExactly("POST /listTasks Bearer a.b.c application/json {\"q\":\"milk\"}");
			assertThat(good.requests()).isPositive();
			assertThat(good.errors()).isZero();
			assertThat(good.requestsPerSecond()).isPositive();
			LoadResult failing = wrk.run("todo", Request.post("broken", "/broken", "{}", ""), port, 2,
					Duration.ofSeconds(1));
			assertThat(failing.errors()).isEqualTo(failing.requests());
			assertThat(failing.requestsPerSecond()).isZero();
			assertThat(this.work.resolve("todo-listTasks.lua")).exists();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void withoutWrkAndWithoutAptGetTheRunFailsSayingHowToInstallItOrDoWithoutIt() throws IOException {
		Path empty = Files.createDirectories(this.work.resolve("empty"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThatIllegalStateException()
			.isThrownBy(() -> Wrk.installed(empty.toString(), new PrintStream(out), this.work.resolve("apt-get.log")))
			.withMessage(Wrk.MISSING)
			.withMessageContaining("apt-get install wrk")
			.withMessageContaining("--generators built-in");
		assertThat(out.toString()).isEmpty();
	}

	@Test
	void anInstalledWrkIsUsedAsItIs() throws Exception {
		Path bin = Files.createDirectories(this.work.resolve("bin"));
		Path wrk = Files.writeString(bin.resolve("wrk"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(wrk, PosixFilePermissions.fromString("rwxr-xr-x"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Wrk.installed(bin.toString(), new PrintStream(out), this.work.resolve("apt-get.log")))
			.isEqualTo(wrk);
		assertThat(out.toString()).isEmpty();
	}

}
