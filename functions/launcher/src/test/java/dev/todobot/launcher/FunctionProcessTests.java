package dev.todobot.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FunctionProcessTests {

	private static final Duration START = Duration.ofSeconds(60);

	@TempDir
	Path logs;

	@Test
	void aFunctionListensOnTheLoopbackPortItIsGivenAndIsSeenReady() throws Exception {
		int port = freePort();
		try (FunctionProcess tiny = start("ready", port)) {
			tiny.awaitReady(START);
			assertThat(tiny.url()).isEqualTo("http://127.0.0.1:" + port);
			assertThat(tiny.port()).isEqualTo(port);
			assertThat(Files.readString(tiny.log())).contains("listening on 127.0.0.1:" + port);
		}
	}

	@Test
	void stopAsksTheFunctionToStopGracefullyAndReturnsItsExitCode() throws Exception {
		try (FunctionProcess tiny = start("ready", freePort())) {
			tiny.awaitReady(START);
			// 143: SIGTERM, which runs the JVM's shutdown hooks
			assertThat(tiny.stop(START)).isEqualTo(143);
			assertThat(Files.readString(tiny.log())).contains("stopping");
		}
	}

	@Test
	void closeStopsTheFunction() throws Exception {
		FunctionProcess tiny = start("ready", freePort());
		tiny.awaitReady(START);
		ProcessHandle handle = ProcessHandle.of(tiny.pid()).orElseThrow();
		tiny.close();
		assertThat(handle.isAlive()).isFalse();
	}

	@Test
	void aFunctionThatStopsWhileStartingIsReportedWithItsExitCodeAndTheEndOfItsLog() throws Exception {
		try (FunctionProcess tiny = start("fail", freePort())) {
			assertThatIllegalStateException().isThrownBy(() -> tiny.awaitReady(START))
				.withMessageContaining("tiny stopped with exit code 3")
				.withMessageContaining("the database is not there");
		}
	}

	@Test
	void aFunctionThatIsNeverReadyIsReportedWithTheEndOfItsLog() throws Exception {
		try (FunctionProcess tiny = start("unready", freePort())) {
			assertThatIllegalStateException().isThrownBy(() -> tiny.awaitReady(Duration.ofSeconds(2)))
				.withMessageContaining("tiny was not ready after 2 s")
				.withMessageContaining("listening on 127.0.0.1");
		}
	}

	@Test
	void aMissingJarIsReportedWithHowToBuildIt() {
		Path jar = this.logs.resolve("todo.jar");
		assertThatIllegalStateException()
			.isThrownBy(() -> FunctionProcess.start("todo", jar, freePort(), Map.of(), this.logs.resolve("todo.log")))
			.withMessageContaining(jar + " is missing: build it first");
	}

	@Test
	void theRunsThatMeasureOrTrainDropTheCallersOutsideSettingsButKeepItsJvmOptions() {
		Map<String, String> environment = new HashMap<>(Map.of("OPENAI_API_KEY", "sk-real", "DB_HOST", "elsewhere",
				"DATABASE_URL", "postgres://elsewhere", "K_SINK", "http://broker", "MCP_URL", "http://mcp",
				"JWT_SECRET", "secret", "JAVA_TOOL_OPTIONS", "-Xmx256m", "PATH", "/usr/bin"));
		FunctionProcess.withoutOutsideSettings(environment);
		assertThat(environment).containsOnlyKeys("JAVA_TOOL_OPTIONS", "PATH");
	}

	private FunctionProcess start(String mode, int port) throws IOException {
		return FunctionProcess.start("tiny",
				List.of(FunctionProcess.java(), "-cp", System.getProperty("java.class.path"),
						TinyFunction.class.getName()),
				port, Map.of("TINY_MODE", mode), this.logs.resolve("tiny-" + mode + ".log"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
