package dev.todobot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@TempDir
	Path root;

	@Test
	void withoutOptionsEveryFunctionIsTimedInEveryLaunchModeWithTheImagesJvmOptionsAndThePodsMemory()
			throws IOException {
		Files.createDirectories(this.root.resolve("functions"));
		Files.writeString(this.root.resolve("functions/Dockerfile"),
				"FROM eclipse-temurin:25-jre\nENV JAVA_TOOL_OPTIONS=\"-XX:+UseSerialGC  -Xms32m\"\n");
		BenchOptions options = parse();
		assertThat(options.functions()).containsExactly("todo", "mcp", "chat");
		assertThat(options.variants()).extracting(Variant::id).containsExactly("fat", "extracted", "aot");
		assertThat(options.variants()).extracting(Variant::training).containsOnly("workload");
		assertThat(options.runs()).isEqualTo(5);
		assertThat(options.connections()).isEqualTo(32);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.generators()).containsExactly("built-in", "wrk");
		assertThat(options.wrkThreads()).isEqualTo(2);
		assertThat(options.phases()).containsExactly("cold", "load");
		assertThat(options.loadVariant()).isEqualTo("aot");
		assertThat(options.processJvmOptions()).containsExactly("-XX:+UseSerialGC", "-Xms32m", "-XX:MaxRAM=256m");
		assertThat(options.output()).isEqualTo(this.root.resolve("target/bench"));
		assertThat(options.jar("mcp")).isEqualTo(this.root.resolve("functions/mcp/target/mcp.jar"));
		assertThat(options.publish()).isFalse();
		assertThat(options.compare()).isNull();
		assertThat(options.rounds()).isEqualTo(1);
	}

	@Test
	void anotherCheckoutIsComparedInTheSameRunForRounds() {
		BenchOptions options = parse("--compare", "../before", "--rounds", "3");
		assertThat(options.compare()).isEqualTo(Path.of("../before").toAbsolutePath());
		assertThat(BenchOptions.jar(options.compare(), "todo"))
			.isEqualTo(Path.of("../before").toAbsolutePath().resolve("functions/todo/target/todo.jar"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--rounds", "0"))
			.withMessage("--rounds must be at least 1");
	}

	@Test
	void aFunctionAlsoGetsTheJvmOptionsTheChartAddsForIt() throws Exception {
		Files.createDirectories(this.root.resolve("charts/todo-app"));
		Files.writeString(this.root.resolve("charts/todo-app/values.yaml"),
				"todo:\n  env: []\nchat:\n  # -- JDK_JAVA_OPTIONS\n  jvmOptions: \"-XX:NewSize=20m  -Xss512k\"\n");
		BenchOptions options = parse("--jvm-options", "-XX:+UseSerialGC");
		assertThat(options.processJvmOptions("chat")).containsExactly("-XX:+UseSerialGC", "-XX:MaxRAM=256m",
				"-XX:NewSize=20m", "-Xss512k");
		assertThat(options.processJvmOptions("todo")).containsExactly("-XX:+UseSerialGC", "-XX:MaxRAM=256m");
	}

	@Test
	void anEmptyChartValuesFileAddsNoJvmOptions() throws Exception {
		Files.createDirectories(this.root.resolve("charts/todo-app"));
		Files.writeString(this.root.resolve("charts/todo-app/values.yaml"), "# nothing set\n");
		assertThat(parse("--jvm-options", "-XX:+UseSerialGC").processJvmOptions("chat"))
			.containsExactly("-XX:+UseSerialGC", "-XX:MaxRAM=256m");
	}

	@Test
	void withoutTheDockerfileTheFunctionsGetTheDefaultJvmOptions() {
		assertThat(parse().jvmOptions()).containsExactly(BenchOptions.DEFAULT_JVM_OPTIONS.split(" "));
	}

	@Test
	void theHostsMemoryMeansNoMemoryLimitAndGivenJvmOptionsReplaceTheImages() {
		BenchOptions options = parse("--memory", "host", "--jvm-options", " -Xmx64m  -XX:+UseParallelGC ");
		assertThat(options.processJvmOptions()).containsExactly("-Xmx64m", "-XX:+UseParallelGC");
	}

	@Test
	void theOptionsNarrowWhatIsMeasured() {
		BenchOptions options = parse("--functions", "todo, chat", "--modes", "aot,FAT", "--runs", "2", "--connections",
				"4", "--duration", "1.5s", "--warmup", "500ms", "--generators", "wrk", "--wrk-threads", "1",
				"--requests", "100", "--phases", "cold", "--training", "refresh", "--training-rounds", "3",
				"--wait-for-load", "1.5", "--load-variant", "fat", "--output", this.root.resolve("out").toString(),
				"--publish");
		assertThat(options.functions()).containsExactly("todo", "chat");
		assertThat(options.variants()).extracting(Variant::id).containsExactly("aot", "fat");
		assertThat(options.variants()).extracting(Variant::training).containsOnly("refresh");
		assertThat(options.runs()).isEqualTo(2);
		assertThat(options.connections()).isEqualTo(4);
		assertThat(options.duration()).isEqualTo(Duration.ofMillis(1500));
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.generators()).containsExactly("wrk");
		assertThat(options.wrkThreads()).isEqualTo(1);
		assertThat(options.requests()).isEqualTo(100);
		assertThat(options.phases()).containsExactly("cold");
		assertThat(options.trainingRounds()).isEqualTo(3);
		assertThat(options.waitForLoad()).isEqualTo(1.5);
		assertThat(options.loadVariant()).isEqualTo("fat");
		assertThat(options.output()).isEqualTo(this.root.resolve("out"));
		assertThat(options.publish()).isTrue();
	}

	@Test
	void durationsAreGivenInMillisecondsSecondsOrMinutes() {
		assertThat(BenchOptions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(BenchOptions.duration("20s")).isEqualTo(Duration.ofSeconds(20));
		assertThat(BenchOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.duration("20"))
			.withMessageContaining("a duration such as 20s");
	}

	@Test
	void anExperimentalVariantIsTimedAfterTheLaunchModesWithItsOwnOptionsAndAotCache() {
		BenchOptions options = parse("--modes", "aot", "--variant", "c2=aot/refresh -XX:-TieredCompilation -Xss512k");
		assertThat(options.variants()).extracting(Variant::id).containsExactly("aot", "c2");
		Variant c2 = options.variants().get(1);
		assertThat(c2.label()).isEqualTo("c2 (-XX:-TieredCompilation -Xss512k)");
		assertThat(c2.jvmOptions()).containsExactly("-XX:-TieredCompilation", "-Xss512k");
		assertThat(c2.training()).isEqualTo("refresh");
		assertThat(c2.cacheFile()).isEqualTo("app-c2.aot");
		assertThat(options.variants().getFirst().cacheFile()).isEqualTo("app.aot");
	}

	@Test
	void extraSettingsAreRepeatableNameValuePairs() {
		BenchOptions options = parse("--env", "A=1", "--env", "B=x=y");
		assertThat(options.environment()).isEqualTo(Map.of("A", "1", "B", "x=y"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--env", "=1"))
			.withMessage("--env takes NAME=VALUE, not =1");
	}

	@Test
	void anUnknownOptionOrAMissingValueIsRefusedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--cores", "2"))
			.withMessageStartingWith("unknown option --cores")
			.withMessageContaining("Usage:");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--runs"))
			.withMessageStartingWith("unknown option or missing value: --runs")
			.withMessageContaining("Usage:");
	}

	@Test
	void valuesOutsideWhatTheBenchmarkCanRunAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--functions", "todo,web"))
			.withMessage("--functions takes todo, mcp and chat, not [todo, web]");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--modes", "native"))
			.withMessage("unknown mode 'native': use fat, extracted or aot");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--runs", "0"))
			.withMessage("--runs must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--connections", "0"))
			.withMessage("--connections must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--generators", "wrk,ab"))
			.withMessage("--generators takes built-in and wrk, not [wrk, ab]");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--wrk-threads", "0"))
			.withMessage("--wrk-threads must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--training", "twice"))
			.withMessage("training is refresh or workload, not 'twice'");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("--variant", "C1=aot"))
			.withMessage("a variant id takes a-z, 0-9 and '-', not 'C1'");
	}

	private BenchOptions parse(String... args) {
		return BenchOptions.parse(List.of(args), this.root);
	}

}
