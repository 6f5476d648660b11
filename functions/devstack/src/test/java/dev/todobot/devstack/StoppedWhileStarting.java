package dev.todobot.devstack;

/**
 * A devstack in a JVM of its own, started as the run command starts it, for a test to
 * stop with SIGTERM while it starts. Arguments: data directory, web root, then the
 * gateway, todo, mcp, chat and reminders ports, as for {@link AbandonedStack}. Prints its
 * progress.
 */
final class StoppedWhileStarting {

	private StoppedWhileStarting() {
	}

	public static void main(String[] args) throws Exception {
		DevStack.run(AbandonedStack.options(args), System.out);
		Thread.currentThread().join();
	}

}
