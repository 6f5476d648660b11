package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures of a run, appended as Markdown to target/pod-parity/report.md, which the
 * first writer of a test JVM starts afresh.
 */
final class ParityReport {

	static final Path FILE = Releases.WORK.resolve("report.md");

	private static boolean started;

	private ParityReport() {
	}

	static synchronized void section(String title, String markdown) {
		try {
			Files.createDirectories(FILE.getParent());
			if (!started) {
				Files.writeString(FILE,
						"# Pod parity report\n\nMachine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
								+ Runtime.version() + "\n",
						StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
				started = true;
			}
			Files.writeString(FILE, "\n## " + title + "\n\n" + markdown.strip() + "\n", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String mib(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
	}

	static String seconds(double seconds) {
		return String.format(Locale.ROOT, "%.2f s", seconds);
	}

}
