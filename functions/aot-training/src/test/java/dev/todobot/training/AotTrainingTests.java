package dev.todobot.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.todobot.core.db.DatabaseSettings;
import dev.todobot.launcher.FunctionProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trains each function as its image does, from the jars the reactor built before this
 * module: the workload meets the routes as they are today, and the JVM writes its cache.
 */
class AotTrainingTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "todo", "mcp", "chat", "reminders" })
	void theWorkloadPassesEveryRouteAndTheCacheIsWritten(String function) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			DatabaseSettings database = DatabaseSettings.embedded(postgres.getPort());
			Map<String, String> environment = new HashMap<>(AotTraining.prepare(database));
			String token = Workload.trainingUser(database);
			Path cache = this.directory.resolve(function + ".aot");
			ProcessBuilder command = new ProcessBuilder(FunctionProcess.java(), "-XX:AOTCacheOutput=" + cache, "-jar",
					jar(function).toString());
			FunctionProcess mcp = null;
			try {
				if (function.equals("chat")) {
					mcp = AotTraining.startMcp(jar("mcp"), environment, this.directory.resolve("mcp.log"));
					environment.put("MCP_URL", mcp.url() + "/mcp");
				}
				AotTraining.Result result = AotTraining.record(function, command, environment, token, 1,
						this.directory.resolve(function + ".log"));
				assertThat(result.surprises()).as("requests of the workload answered otherwise than it expects")
					.isEmpty();
				assertThat(result.requests()).isPositive();
			}
			finally {
				if (mcp != null) {
					mcp.close();
				}
			}
			assertThat(cache).as("the AOT cache written at exit").isNotEmptyFile();
		}
	}

	/**
	 * A function's jar, which the reactor builds before this module (declared after the
	 * functions in the root pom).
	 */
	private static Path jar(String function) {
		Path jar = Path.of("..", function, "target", function + ".jar").toAbsolutePath().normalize();
		assertThat(Files.isRegularFile(jar)).as(jar + " is built (./mvnw -B package builds it before this module)")
			.isTrue();
		return jar;
	}

}
