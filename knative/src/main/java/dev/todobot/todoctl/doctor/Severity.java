package dev.todobot.todoctl.doctor;

/**
 * How much a finding matters, most serious first.
 */
public enum Severity {

	/**
	 * Something is broken: the app or part of it does not serve. {@code doctor} exits
	 * with 1.
	 */
	ERROR,

	/** Something is off and may break or cost more than it should. */
	WARNING,

	/** Worth knowing; nothing to fix. */
	INFO

}
