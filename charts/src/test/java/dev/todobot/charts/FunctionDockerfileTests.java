package dev.todobot.charts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.todobot.parity.Dockerfile;
import dev.todobot.parity.Dockerfile.Instruction;
import dev.todobot.parity.Dockerfile.Stage;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * functions/Dockerfile, the one image recipe for the functions the todo-app chart deploys
 * (todo, mcp, chat and reminders). (web/Dockerfile belongs to the web front end's own
 * change.)
 */
class FunctionDockerfileTests {

	private static final Path DOCKERFILE = Charts.REPO_ROOT.resolve("functions/Dockerfile");

	private final Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);

	/**
	 * The functions the chart deploys whose module is in this repository: every Knative
	 * Service but the web front end. (A function the chart names before its module is
	 * merged is left out until then.)
	 */
	static List<String> functions() {
		return Scenario.DEFAULTS.render()
			.knativeServices()
			.stream()
			.map((service) -> service.getMetadata().getName())
			.filter((name) -> !name.equals("web"))
			.filter((name) -> Files.exists(Charts.REPO_ROOT.resolve("functions").resolve(name).resolve("pom.xml")))
			.toList();
	}

	@Test
	void buildsEveryFunctionOfTheChartWhoseModuleIsHere() {
		assertThat(functions()).contains("todo", "mcp", "chat");
	}

	@Test
	void buildsInNamedStages() {
		assertThat(this.dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((stage) -> assertThat(stage.name()).isNotBlank());
	}

	@Test
	void pinsEveryBaseImageToAVersionTag() {
		for (Stage stage : this.dockerfile.stages()) {
			String image = this.dockerfile.baseImage(stage);
			if (this.dockerfile.isStageName(image)) {
				continue;
			}
			assertThat(image).as(stage.name()).doesNotContain("$").contains(":").doesNotContain("@");
			String tag = image.substring(image.lastIndexOf(':') + 1);
			assertThat(tag).as(image)
				.isNotEqualToIgnoringCase("latest")
				.matches("\\d+(\\.\\d+)+(_\\d+)?(-[a-z0-9.]+)*");
		}
	}

	@Test
	void buildsWithAJdkAndRunsOnAJreOfTheSameBuild() {
		String jdk = this.dockerfile.baseImage(this.dockerfile.stages().get(0));
		String jre = this.dockerfile.baseImage(this.dockerfile.finalStage());
		assertThat(jdk).contains("-jdk");
		assertThat(jre).contains("-jre");
		assertThat(jre.replace("-jre", "")).isEqualTo(jdk.replace("-jdk", ""));
		assertThat(jre).matches(".*:25[._].*");
	}

	@Test
	void runsAsANonRootNumericUser() {
		List<Instruction> users = this.dockerfile.finalStage().all("USER");
		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).arguments();
		assertThat(user).matches("\\d+(:\\d+)?");
		assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void buildsTheTodoFunctionByDefault() {
		for (Stage stage : this.dockerfile.stages()) {
			assertThat(stage.args(Map.of())).as(stage.name()).containsEntry("FUNCTION", "todo");
		}
	}

	@ParameterizedTest
	@MethodSource("functions")
	void buildsTheFunctionChosenByTheBuildArgument(String function) {
		Stage build = this.dockerfile.stages().get(0);
		Map<String, String> args = build.args(Map.of("FUNCTION", function));
		List<String> runs = build.all("RUN").stream().map((run) -> Dockerfile.expand(run.arguments(), args)).toList();
		assertThat(runs).anySatisfy((run) -> assertThat(run).contains("./mvnw")
			.contains("-pl functions/" + function + " -am package")
			.contains("-DskipTests"));
		assertThat(runs).anySatisfy((run) -> assertThat(run).contains("-Djarmode=tools")
			.contains("-jar functions/" + function + "/target/" + function + ".jar extract"));
	}

	@Test
	void refusesAnyOtherFunction() {
		Instruction guard = this.dockerfile.stages()
			.get(0)
			.all("RUN")
			.stream()
			.filter((run) -> run.arguments().startsWith("case "))
			.findFirst()
			.orElseThrow();
		Matcher accepted = Pattern.compile("in\\s+([\\w|]+)\\)").matcher(guard.arguments());
		assertThat(accepted.find()).isTrue();
		assertThat(accepted.group(1).split("\\|")).containsExactlyInAnyOrderElementsOf(functions());
		assertThat(guard.arguments()).contains("exit 1");
		assertThat(this.dockerfile.stages().get(0).indexOf(guard))
			.isLessThan(this.dockerfile.stages().get(0).indexOf(this.dockerfile.stages().get(0).all("COPY").get(0)));
	}

	@Test
	void cachesTheMavenRepositoryAcrossBuilds() {
		assertThat(this.dockerfile.stages().get(0).all("RUN"))
			.anySatisfy((run) -> assertThat(run.arguments()).startsWith("--mount=type=cache,target=/root/.m2")
				.contains("./mvnw"));
	}

	@Test
	void trainsTheAotCacheInTheRuntimeImageAsTheRuntimeUser() {
		Stage runtime = this.dockerfile.finalStage();
		Instruction training = training(runtime);
		assertThat(training.arguments())
			.contains("-- java -XX:AOTCacheOutput=/tmp/app.aot -XX:MaxRAM=256m -jar app.jar");
		String user = "root";
		String userOfTraining = null;
		for (Instruction instruction : runtime.instructions()) {
			if (instruction.keyword().equals("USER")) {
				user = instruction.arguments();
			}
			if (instruction == training) {
				userOfTraining = user;
			}
		}
		assertThat(userOfTraining).as("the training's user").isEqualTo(runtime.all("USER").getLast().arguments());
	}

	@Test
	void trainsWithAWorkloadOfTheChosenFunctionWithinATimeLimit() {
		String training = training(this.dockerfile.finalStage()).arguments();
		assertThat(training).containsPattern("timeout \\d+ java -jar \\S*aot-training\\S*\\.jar ")
			.contains("--function ${FUNCTION}")
			.contains("&& test -s /tmp/app.aot");
	}

	@Test
	void placesTheCacheBesideTheJarAndLeavesNothingOfTheTrainingInTheImage() {
		Stage runtime = this.dockerfile.finalStage();
		Instruction training = training(runtime);
		assertThat(training.arguments()).startsWith("--mount=type=bind,from=build,");
		List<Instruction> instructions = runtime.instructions();
		Instruction placing = instructions.subList(instructions.indexOf(training) + 1, instructions.size())
			.stream()
			.filter((instruction) -> instruction.keyword().equals("RUN"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing moves the cache into place"));
		assertThat(placing.arguments()).startsWith("mv /tmp/app.aot app.aot").contains("rm -rf /tmp/*");
		assertThat(runtime.all("COPY")).noneSatisfy((copy) -> assertThat(copy.arguments()).contains("aot-training"));
	}

	@Test
	void sharesTheJvmOptionsOfTrainingAndRuntime() {
		Stage runtime = this.dockerfile.finalStage();
		Instruction options = imagesJvmOptions();
		assertThat(options.arguments()).contains("-XX:+UseSerialGC").contains("-XX:MaxRAMPercentage=");
		assertThat(runtime.indexOf(options)).isLessThan(runtime.indexOf(training(runtime)));
	}

	/**
	 * The heap's ceiling leaves the rest of the chart's memory limit to what is not heap:
	 * about 140 MiB for todo after a burst of sign-ups (metaspace, symbols, class space,
	 * code; measured with native memory tracking), plus the page cache the cgroup counts.
	 * The JVM's own ergonomics decide the ceiling, as in the pod: below about 250 MiB of
	 * memory it takes MinRAMPercentage, and otherwise at least 126 MiB whatever
	 * MaxRAMPercentage says, so a 256 MiB pod got a heap of 128 MiB and was killed by the
	 * kernel under load.
	 */
	@Test
	void sizesTheHeapSoThatTheRestFitsTheFunctionsMemoryLimit() throws Exception {
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+PrintFlagsFinal"));
		for (String option : imagesJvmOptionsValue().split("\\s+")) {
			if (option.startsWith("-XX:") || option.startsWith("-Xm")) {
				command.add(option);
			}
		}
		for (String function : functions()) {
			Quantity limit = Workloads.container(Scenario.DEFAULTS.render().knativeService(function))
				.getResources()
				.getLimits()
				.get("memory");
			long limitBytes = limit.getNumericalAmount().longValue();
			List<String> sized = new ArrayList<>(command);
			// as the JVM sees a container's memory limit
			sized.add("-XX:MaxRAM=" + limitBytes);
			sized.add("-version");
			Process java = new ProcessBuilder(sized).redirectErrorStream(true).start();
			String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(java.waitFor()).as(flags).isZero();
			Matcher maxHeap = Pattern.compile("size_t MaxHeapSize\\s+=\\s+(\\d+)").matcher(flags);
			assertThat(maxHeap.find()).as(flags).isTrue();
			assertThat(Long.parseLong(maxHeap.group(1))).as("the heap ceiling of %s in %s", function, limit)
				.isLessThanOrEqualTo(limitBytes - 160L * 1024 * 1024);
		}
	}

	/**
	 * Netty loads its native transport at every start, and since JDK 24 the JVM prints a
	 * warning for each unnamed module that calls a restricted method such as
	 * {@code System.loadLibrary}, unless the options enable native access for it.
	 */
	@Test
	void letsTheFunctionsLoadNativeLibrariesWithoutAWarning(@TempDir Path directory) throws Exception {
		Path program = Files.writeString(directory.resolve("LoadsALibrary.java"),
				"class LoadsALibrary { public static void main(String[] args) { System.loadLibrary(\"zip\"); } }");
		assertThat(runWithTheImagesOptions(program)).contains("Picked up JAVA_TOOL_OPTIONS").doesNotContain("WARNING");
	}

	/**
	 * Netty 4.2 uses {@code sun.misc.Unsafe} for its buffers on Java 25 only when the
	 * options allow its memory access, which also keeps the JVM from warning about it;
	 * with Unsafe todo's {@code listTasks} takes about a third less CPU per answer.
	 */
	@Test
	void letsNettyUseUnsafeMemoryAccessWithoutAWarning(@TempDir Path directory) throws Exception {
		Path program = Files.writeString(directory.resolve("ReadsMemory.java"), """
				import java.lang.reflect.Field;
				class ReadsMemory {
					public static void main(String[] args) throws Exception {
						Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
						field.setAccessible(true);
						sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
						long address = unsafe.allocateMemory(8);
						unsafe.putLong(address, 42);
						System.out.println("read " + unsafe.getLong(address));
						unsafe.freeMemory(address);
					}
				}
				""");
		assertThat(runWithTheImagesOptions(program)).contains("read 42").doesNotContain("WARNING");
	}

	/**
	 * Runs a one-file program with the image's {@code JAVA_TOOL_OPTIONS}, as the image
	 * passes them to the training run and to the function alike.
	 * @return what it printed; it must have exited with 0
	 */
	private String runWithTheImagesOptions(Path program) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
				program.toString())
			.redirectErrorStream(true);
		builder.environment().put("JAVA_TOOL_OPTIONS", imagesJvmOptionsValue());
		Process java = builder.start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor()).as(output).isZero();
		return output;
	}

	/**
	 * The final stage's {@code ENV JAVA_TOOL_OPTIONS=...}: the options of every JVM the
	 * image runs.
	 */
	private Instruction imagesJvmOptions() {
		return this.dockerfile.finalStage()
			.all("ENV")
			.stream()
			.filter((env) -> env.arguments().startsWith("JAVA_TOOL_OPTIONS="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the image sets no JAVA_TOOL_OPTIONS"));
	}

	private String imagesJvmOptionsValue() {
		return imagesJvmOptions().arguments().substring("JAVA_TOOL_OPTIONS=".length()).replace("\"", "");
	}

	@Test
	void keepsTrainingValuesOutOfTheImage() {
		assertThat(this.dockerfile.finalStage().all("ENV"))
			.noneSatisfy((env) -> assertThat(env.arguments()).containsAnyOf("JWT_SECRET", "DATABASE_URL"));
	}

	@Test
	void startsTheExtractedJarWithTheAotCache() {
		Stage runtime = this.dockerfile.finalStage();
		assertThat(runtime.all("ENTRYPOINT")).singleElement()
			.satisfies((entrypoint) -> assertThat(entrypoint.arguments())
				.isEqualTo("[\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"app.jar\"]"));
		assertThat(runtime.all("COPY")).anySatisfy((copy) -> assertThat(copy.arguments()).startsWith("--from="));
	}

	@Test
	void passesArgumentsSuchAsMigrateToTheApplication() {
		assertThat(this.dockerfile.finalStage().all("CMD")).isEmpty();
	}

	@Test
	void leavesBuildOutputAndGitOutOfTheBuildContext() throws Exception {
		List<String> ignored = dockerignore();
		assertThat(ignored).contains("**/target", ".git", "**/node_modules");
	}

	@Test
	void keepsEveryMavenModuleInTheBuildContext() throws Exception {
		List<String> ignored = dockerignore();
		String pom = Files.readString(Charts.REPO_ROOT.resolve("pom.xml"));
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
		int modules = 0;
		while (module.find()) {
			String path = module.group(1) + "/pom.xml";
			assertThat(ignored).as(path).noneMatch((pattern) -> path.equals(pattern) || path.startsWith(pattern + "/"));
			modules++;
		}
		assertThat(modules).isPositive();
	}

	private static Instruction training(Stage stage) {
		return stage.all("RUN")
			.stream()
			.filter((run) -> run.arguments().contains("-XX:AOTCacheOutput="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no training run in the runtime stage"));
	}

	private static List<String> dockerignore() throws Exception {
		return Files.readAllLines(Charts.REPO_ROOT.resolve(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

}
