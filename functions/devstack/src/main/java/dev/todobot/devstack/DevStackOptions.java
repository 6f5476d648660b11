package dev.todobot.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the stack.
 *
 * @param root the repository, where the function jars and the web export are built
 * @param dataDirectory where the database and the JWT key are kept between runs
 * @param webRoot the web export the gateway serves
 * @param fresh whether to wipe the kept data first
 * @param ports where each part listens
 */
public record DevStackOptions(Path root, Path dataDirectory, Path webRoot, boolean fresh, Ports ports) {

	static final String USAGE = """
			Usage: java -jar functions/devstack/target/devstack.jar [--fresh] [--port N] [--data-dir DIR]
			  --fresh         wipe the local database and start empty
			  --port N        the web UI's port (default 8080); todo, mcp, chat and reminders take the next four
			  --data-dir DIR  where the database and the JWT key are kept (default .devstack)
			""";

	/**
	 * Reads command-line arguments; the defaults suit a laptop.
	 * @param args the arguments
	 * @param workingDirectory where the command was started, inside the repository
	 * @return the options
	 * @throws IllegalArgumentException for an unknown argument or outside the repository
	 */
	public static DevStackOptions parse(List<String> args, Path workingDirectory) {
		Path root = repositoryRoot(workingDirectory);
		boolean fresh = false;
		int port = Ports.DEFAULT.gateway();
		Path data = root.resolve(".devstack");
		for (int i = 0; i < args.size(); i++) {
			switch (args.get(i)) {
				case "--fresh" -> fresh = true;
				case "--port" -> port = parsePort(value(args, ++i, "--port"));
				case "--data-dir" -> data = workingDirectory.resolve(value(args, ++i, "--data-dir")).toAbsolutePath();
				default -> throw new IllegalArgumentException("Unknown argument '" + args.get(i) + "'\n" + USAGE);
			}
		}
		return new DevStackOptions(root, data, root.resolve("web").resolve("out"), fresh,
				new Ports(port, port + 1, port + 2, port + 3, port + 4));
	}

	private static String value(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
		}
		return args.get(index);
	}

	private static int parsePort(String text) {
		try {
			int port = Integer.parseInt(text);
			if (port >= 1 && port <= 65531) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--port must be a port number, not '" + text + "'\n" + USAGE);
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

	/**
	 * Where each part listens.
	 *
	 * @param gateway the web UI and the API, the one address a person opens
	 * @param reminders the reminders function, which only the local broker calls
	 */
	public record Ports(int gateway, int todo, int mcp, int chat, int reminders) {

		/** The laptop defaults. */
		public static final Ports DEFAULT = new Ports(8080, 8081, 8082, 8083, 8084);

		/**
		 * Each function's port, by name, in the order they start.
		 * @return todo, mcp, chat and reminders
		 */
		public Map<String, Integer> functions() {
			Map<String, Integer> functions = new LinkedHashMap<>();
			functions.put("todo", this.todo);
			functions.put("mcp", this.mcp);
			functions.put("chat", this.chat);
			functions.put("reminders", this.reminders);
			return functions;
		}

	}

}
