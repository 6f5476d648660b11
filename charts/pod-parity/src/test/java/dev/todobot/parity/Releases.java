package dev.todobot.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs a release for a test class, with the chart's defaults or a values file. When
 * the functions cannot start because of a known defect ({@link KnownDefects}), the
 * release is installed again with that defect's patch, and the defect is returned with
 * it, so that a test can say so and the other checks still run.
 */
final class Releases {

	static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	static final Path REPOSITORY = MODULE.getParent().getParent();

	static final Path WORK = MODULE.resolve("target/pod-parity");

	static final Path NEON_VALUES = MODULE.resolve("values/neon.yaml");

	private Releases() {
	}

	static PodParity.Options options(Path... valuesFiles) {
		PodParity.Options options = PodParity.Options.defaults(REPOSITORY, WORK);
		for (Path file : valuesFiles) {
			options = options.withValues(file);
		}
		return options;
	}

	/**
	 * Installs, and installs again with the known defect's patch if the functions fail on
	 * it.
	 * @param options what to install
	 * @return the release and the known defects it needed patches for
	 */
	static Installed installRunnable(PodParity.Options options) {
		PodParity parity = PodParity.install(options.withKnownDefectsPatched());
		List<String> defects = new ArrayList<>(parity.patchedDefects());
		// the emptyDir at /tmp is in the patch; a fixed chart or app makes it a no-op
		defects.add("(patch applied either way) " + KnownDefects.VERTX_CACHE);
		return new Installed(parity, List.copyOf(defects));
	}

	record Installed(PodParity parity, List<String> patchedDefects) {
	}

}
