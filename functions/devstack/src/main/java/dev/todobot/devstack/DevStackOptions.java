package dev.todobot.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run the stack.
 *
 * @param root the repository, where the function jars are built
 * @param dataDirectory where the database and the JWT key are kept between runs
 * @param fresh whether to wipe the kept data first
 * @param databasePort the embedded PostgreSQL's port
 * @param todoPort the todo function's port
 */
public record DevStackOptions(Path root, Path dataDirectory, boolean fresh, int databasePort, int todoPort) {

	static final String USAGE = """
			Usage: java -jar functions/devstack/target/devstack.jar [--fresh]
			  --fresh   wipe the local database (kept in .devstack/) and start empty
			""";

	/**
	 * Reads command-line arguments; the defaults suit a laptop.
	 * @param args the arguments
	 * @param workingDirectory where the command was started, inside the repository
	 * @return the options
	 * @throws IllegalArgumentException for an unknown argument or outside the repository
	 */
	public static DevStackOptions parse(List<String> args, Path workingDirectory) {
		boolean fresh = false;
		for (String arg : args) {
			if (arg.equals("--fresh")) {
				fresh = true;
			}
			else {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'\n" + USAGE);
			}
		}
		Path root = repositoryRoot(workingDirectory);
		return new DevStackOptions(root, root.resolve(".devstack"), fresh, 54329, 8081);
	}

	/**
	 * Finds the repository around a directory: the nearest parent with the Maven wrapper
	 * and the functions.
	 */
	static Path repositoryRoot(Path from) {
		for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("functions"))) {
				return dir;
			}
		}
		throw new IllegalArgumentException("Run devstack from inside the todo-chatbot repository (no mvnw found above "
				+ from.toAbsolutePath() + ")");
	}

}
