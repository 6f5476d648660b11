package dev.todobot.parity;

import java.util.List;

/**
 * The one release a test JVM runs at a time (it holds the node's bridge, port 80, 53 and
 * 5432): test classes that need the same install share it, and one that needs another
 * install closes the running one first. The last one is closed when the JVM ends.
 */
final class SharedRelease {

	private static PodParity current;

	private static PodParity.Options currentOptions;

	private SharedRelease() {
	}

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(SharedRelease::closeCurrent));
	}

	/**
	 * The release installed exactly as the options say.
	 * @param options what to install
	 * @return the running release
	 */
	static synchronized PodParity of(PodParity.Options options) {
		if (current != null && sameInstall(options)) {
			return current;
		}
		closeCurrent();
		current = PodParity.install(options);
		currentOptions = options;
		return current;
	}

	private static boolean sameInstall(PodParity.Options options) {
		return currentOptions != null && List.copyOf(currentOptions.valuesFiles()).equals(options.valuesFiles());
	}

	static synchronized void closeCurrent() {
		if (current != null) {
			current.close();
		}
		current = null;
		currentOptions = null;
	}

}
