package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * A container's cgroup (v1 memory and cpu controllers), set as the kubelet sets it from
 * {@code resources}: {@code memory.limit_in_bytes} from the memory limit, a CFS quota
 * from the CPU limit and {@code cpu.shares} from the CPU request. The memory group is
 * made below this JVM's own, so everything the pods use stays accounted where this JVM
 * is.
 */
final class Cgroup implements AutoCloseable {

	private static final Path MEMORY_ROOT = Path.of("/sys/fs/cgroup/memory");

	private static final Path CPU_ROOT = Path.of("/sys/fs/cgroup/cpu");

	private static final long CFS_PERIOD_MICROS = 100_000;

	private final Path memory;

	private final Path cpu;

	private final long memoryLimit;

	private volatile Long peakWhenRemoved;

	private Cgroup(Path memory, Path cpu, long memoryLimit) {
		this.memory = memory;
		this.cpu = cpu;
		this.memoryLimit = memoryLimit;
	}

	static Cgroup create(String name, ResourceRequirements resources) {
		Path memory = ownGroup("memory", MEMORY_ROOT).resolve("pod-parity").resolve(name);
		Path cpu = ownGroup("cpu", CPU_ROOT).resolve("pod-parity").resolve(name);
		removeQuietly(memory);
		removeQuietly(cpu);
		try {
			Files.createDirectories(memory);
			Files.createDirectories(cpu);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make cgroups (pod parity needs root and cgroup v1 memory/cpu)", ex);
		}
		long memoryLimit = -1;
		Quantity memoryQuantity = limit(resources, "memory");
		if (memoryQuantity != null) {
			memoryLimit = Quantity.getAmountInBytes(memoryQuantity).longValueExact();
			write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryLimit));
		}
		Quantity cpuLimit = limit(resources, "cpu");
		if (cpuLimit != null) {
			long quota = Quantity.getAmountInBytes(cpuLimit)
				.multiply(java.math.BigDecimal.valueOf(CFS_PERIOD_MICROS))
				.longValue();
			write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_MICROS));
			write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(Math.max(quota, 1000)));
		}
		Quantity cpuRequest = (resources.getRequests() != null) ? resources.getRequests().get("cpu") : null;
		if (cpuRequest != null) {
			long shares = Quantity.getAmountInBytes(cpuRequest)
				.multiply(java.math.BigDecimal.valueOf(1024))
				.longValue();
			write(cpu.resolve("cpu.shares"), Long.toString(Math.max(shares, 2)));
		}
		return new Cgroup(memory, cpu, memoryLimit);
	}

	private static Quantity limit(ResourceRequirements resources, String name) {
		return (resources.getLimits() != null) ? resources.getLimits().get(name) : null;
	}

	/**
	 * This JVM's group in a v1 hierarchy, from /proc/self/cgroup.
	 */
	private static Path ownGroup(String controller, Path root) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
				String[] fields = line.split(":", 3);
				if (fields.length == 3 && List.of(fields[1].split(",")).contains(controller)) {
					return root.resolve(fields[2].substring(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("no cgroup v1 " + controller + " controller mounted at " + root);
	}

	/**
	 * The words that put a shell into this group before it executes the container.
	 * @return a shell fragment
	 */
	String enterCommand() {
		return "echo $$ > " + this.memory.resolve("cgroup.procs") + " && echo $$ > " + this.cpu.resolve("cgroup.procs");
	}

	long memoryLimit() {
		return this.memoryLimit;
	}

	long memoryUsage() {
		return readLong(this.memory.resolve("memory.usage_in_bytes"));
	}

	/**
	 * The peak of the group's memory, as the kernel recorded it, or as it was when the
	 * group was removed.
	 * @return bytes
	 */
	long peakMemory() {
		Long last = this.peakWhenRemoved;
		return (last != null) ? last : readLong(this.memory.resolve("memory.max_usage_in_bytes"));
	}

	void resetPeakMemory() {
		if (!removed()) {
			write(this.memory.resolve("memory.max_usage_in_bytes"), "0");
		}
	}

	/** Whether the pod is gone and its group with it. */
	boolean removed() {
		return this.peakWhenRemoved != null;
	}

	/**
	 * How often the kernel's OOM killer killed a process of this group.
	 * @return the oom_kill counter of memory.oom_control
	 */
	long oomKills() {
		try {
			for (String line : Files.readAllLines(this.memory.resolve("memory.oom_control"))) {
				if (line.startsWith("oom_kill ")) {
					return Long.parseLong(line.substring("oom_kill ".length()).trim());
				}
			}
			return 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	List<Long> processes() {
		try {
			return Files.readAllLines(this.memory.resolve("cgroup.procs")).stream().map(Long::parseLong).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	void killAll() {
		for (Long pid : processes()) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Override
	public void close() {
		killAll();
		for (int i = 0; i < 50 && !processes().isEmpty(); i++) {
			sleep(100);
		}
		this.peakWhenRemoved = readLong(this.memory.resolve("memory.max_usage_in_bytes"));
		removeQuietly(this.memory);
		removeQuietly(this.cpu);
	}

	private static void removeQuietly(Path group) {
		try {
			Files.deleteIfExists(group);
		}
		catch (IOException ex) {
			// still has processes or does not exist: left for the next run's cleanup
		}
	}

	private static long readLong(Path file) {
		try {
			return Long.parseLong(Files.readString(file).trim());
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static void write(Path file, String value) {
		try {
			Files.writeString(file, value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
