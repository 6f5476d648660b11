package dev.todobot.parity;

import java.nio.file.Path;

/**
 * Where the runner works and what a test class installs: the chart's defaults or a values
 * file.
 */
final class Releases {

	static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	static final Path REPOSITORY = MODULE.getParent().getParent();

	static final Path WORK = MODULE.resolve("target/pod-parity");

	static final Path NEON_VALUES = MODULE.resolve("values/neon.yaml");

	static final Path WARM_C2_VALUES = MODULE.resolve("values/warm-c2.yaml");

	private Releases() {
	}

	static PodParity.Options options(Path... valuesFiles) {
		PodParity.Options options = PodParity.Options.defaults(REPOSITORY, WORK);
		for (Path file : valuesFiles) {
			options = options.withValues(file);
		}
		return options;
	}

}
