package dev.todobot.todoctl.cli;

/**
 * The exit codes of every todoctl command, the one place scripts can rely on.
 */
public final class ExitCodes {

	/** Success: the command did what was asked, and found nothing wrong. */
	public static final int OK = 0;

	/**
	 * Findings or errors: a service is not Ready, doctor found an error, a revision
	 * failed.
	 */
	public static final int FINDINGS = 1;

	/**
	 * Usage: unknown option, bad value, or a request that cannot be carried out as given.
	 */
	public static final int USAGE = 2;

	/** The cluster's API server could not be reached. */
	public static final int UNREACHABLE = 3;

	/** A wait (for example for a new revision to become Ready) ran out of time. */
	public static final int TIMEOUT = 4;

	/**
	 * Refused: {@code ask} declined a request, or a change was not confirmed; nothing
	 * changed.
	 */
	public static final int REFUSED = 5;

	private ExitCodes() {
	}

}
