package dev.todobot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the benchmark ran on.
 *
 * @param cpus available processors
 * @param memoryGiB physical memory
 * @param java the Java version of the function processes
 * @param os the operating system
 * @param loadBefore the 1-minute load average before the benchmark started its own work
 * @param loadAfter the 1-minute load average when it ended (includes its own load)
 */
record Machine(int cpus, double memoryGiB, String java, String os, double loadBefore, double loadAfter) {

	static Machine describe(double loadBefore, double loadAfter) {
		return new Machine(Runtime.getRuntime().availableProcessors(), physicalMemoryGiB(),
				Runtime.version().toString(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
				loadBefore, loadAfter);
	}

	/**
	 * The 1-minute load average.
	 * @return the load, or -1 where /proc/loadavg does not exist
	 */
	static double load() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static double physicalMemoryGiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kib = Long.parseLong(line.substring("MemTotal:".length()).trim().split("\\s+")[0]);
					return Math.round(kib / 1024.0 / 1024.0 * 10) / 10.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// unknown
		}
		return -1;
	}

}
