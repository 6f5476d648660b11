package dev.todobot.devstack;

import java.nio.file.Path;

/**
 * A devstack in a JVM of its own, for a test to kill without its shutdown hook.
 * Arguments: data directory, web root, then the gateway, todo, mcp, chat and reminders
 * ports. Prints its log, then {@code READY} once every function answers.
 */
final class AbandonedStack {

	private AbandonedStack() {
	}

	public static void main(String[] args) throws Exception {
		DevStack.start(options(args), System.out);
		System.out.println("READY");
		Thread.currentThread().join();
	}

	/**
	 * The options a test passes as arguments.
	 * @param args data directory, web root, then the gateway, todo, mcp, chat and
	 * reminders ports
	 * @return the options
	 */
	static DevStackOptions options(String[] args) {
		return new DevStackOptions(DevStackOptions.repositoryRoot(Path.of("")), Path.of(args[0]), Path.of(args[1]),
				false, new DevStackOptions.Ports(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
						Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6])));
	}

}
