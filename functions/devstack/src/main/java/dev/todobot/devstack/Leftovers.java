package dev.todobot.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.todobot.launcher.FunctionProcess;

/**
 * What a devstack leaves running when it is killed before its shutdown hook runs
 * ({@code kill -9}, a closed terminal): its functions, which keep their ports, and its
 * PostgreSQL, which keeps the data directory. Each start records the functions' process
 * ids in the data directory; the next start stops whatever of them, and of the PostgreSQL
 * that {@code postmaster.pid} names, still runs. A process is only stopped when its
 * command line still names the same jar or data directory, so a recycled pid is left
 * alone.
 */
final class Leftovers {

	private static final String FUNCTIONS_FILE = "functions.pid";

	private Leftovers() {
	}

	/**
	 * Stops what an earlier devstack with this data directory left running.
	 * @param dataDirectory the data directory
	 * @return a line per stopped process, such as {@code todo function (pid 4242)}
	 */
	static List<String> stop(Path dataDirectory) throws IOException, InterruptedException {
		List<String> stopped = new ArrayList<>();
		Path recorded = dataDirectory.resolve(FUNCTIONS_FILE);
		if (Files.exists(recorded)) {
			for (String line : Files.readAllLines(recorded, StandardCharsets.UTF_8)) {
				String[] fields = line.split(" ", 3);
				Optional<ProcessHandle> function = (fields.length == 3) ? running(Long.parseLong(fields[1]), fields[2])
						: Optional.empty();
				if (function.isPresent()) {
					FunctionProcess.stop(function.get());
					stopped.add(fields[0] + " function (pid " + fields[1] + ")");
				}
			}
			Files.delete(recorded);
		}
		Path pgdata = dataDirectory.resolve("pgdata");
		Path postmaster = pgdata.resolve("postmaster.pid");
		if (Files.exists(postmaster)) {
			List<String> lines = Files.readAllLines(postmaster, StandardCharsets.UTF_8);
			long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().strip());
			Optional<ProcessHandle> postgres = running(pid, pgdata.toString());
			if (postgres.isPresent()) {
				FunctionProcess.stop(postgres.get());
				stopped.add("PostgreSQL (pid " + pid + ")");
			}
		}
		return stopped;
	}

	/**
	 * Records the running functions, so that a later start can stop them if this devstack
	 * dies without stopping them itself.
	 * @param dataDirectory the data directory
	 * @param functions the running functions
	 */
	static void record(Path dataDirectory, List<RunningFunction> functions) throws IOException {
		Files.write(dataDirectory.resolve(FUNCTIONS_FILE),
				functions.stream().map((f) -> f.name() + " " + f.pid() + " " + f.jar()).toList(),
				StandardCharsets.UTF_8);
	}

	/**
	 * Forgets the recorded functions once they are stopped.
	 * @param dataDirectory the data directory
	 */
	static void forget(Path dataDirectory) throws IOException {
		Files.deleteIfExists(dataDirectory.resolve(FUNCTIONS_FILE));
	}

	private static Optional<ProcessHandle> running(long pid, String mark) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(mark)).orElse(false));
	}

	/**
	 * A function process that devstack started.
	 *
	 * @param name such as {@code todo}
	 * @param pid its process id
	 * @param jar the jar it runs
	 */
	record RunningFunction(String name, long pid, Path jar) {
	}

}
