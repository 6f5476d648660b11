package dev.todobot.todoctl.cli;

/**
 * Ends a command with a message for the user and one of the {@link ExitCodes}.
 */
public class CommandFailure extends RuntimeException {

	private final int exitCode;

	public CommandFailure(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

}
