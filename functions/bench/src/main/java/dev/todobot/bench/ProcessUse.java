package dev.todobot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a running process uses of the machine, read from Linux's /proc.
 *
 * @param pid the process
 */
record ProcessUse(long pid) {

	/** USER_HZ, which Linux fixes at 100 for /proc. */
	private static final long CLOCK_TICKS_PER_SECOND = 100;

	/**
	 * The resident set size now.
	 * @return VmRSS in KiB, -1 when unknown
	 */
	long rssKiB() {
		return status("VmRSS:");
	}

	/**
	 * The anonymous part of the resident set: the heap, the code cache, thread stacks and
	 * other memory of the process's own, without the mapped files (the AOT cache, the
	 * JDK's libraries) whose clean pages the kernel can drop and share.
	 * @return RssAnon in KiB, -1 when unknown
	 */
	long rssAnonKiB() {
		return status("RssAnon:");
	}

	/**
	 * The largest resident set size so far.
	 * @return VmHWM in KiB, -1 when unknown
	 */
	long peakRssKiB() {
		return status("VmHWM:");
	}

	/**
	 * The CPU time the process used so far, all threads, user and system.
	 * @return milliseconds, at the kernel's clock tick resolution (usually 10 ms), -1
	 * when unknown
	 */
	long cpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(this.pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of stat(5), counted from the state (field 3) here
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private long status(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
