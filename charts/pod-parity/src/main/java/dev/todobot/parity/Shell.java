package dev.todobot.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the node's tools (ip, nsenter, apt-get) and fails with their output when they
 * fail.
 */
final class Shell {

	private Shell() {
	}

	static String run(String... command) {
		return run(List.of(command));
	}

	static String run(List<String> command) {
		Result result = attempt(command);
		if (result.exitCode() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output().strip());
		}
		return result.output();
	}

	static Result attempt(String... command) {
		return attempt(List.of(command));
	}

	static Result attempt(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes sure a Debian package's command is there: installs the package when it is
	 * missing and this runs as root (as CI does), and otherwise says what to install.
	 * @param command the command, an absolute path
	 * @param packageName the Debian package that brings it
	 */
	static void require(String command, String packageName) {
		if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(command))) {
			return;
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("pod parity needs " + command + ": apt-get install -y " + packageName);
		}
		attempt("apt-get", "update", "-qq");
		Result install = attempt("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
				packageName);
		if (install.exitCode() != 0 || !java.nio.file.Files.isExecutable(java.nio.file.Path.of(command))) {
			throw new IllegalStateException("could not install " + packageName + ": " + install.output());
		}
	}

	record Result(int exitCode, String output) {
	}

}
