package dev.todobot.core.error;

/**
 * A write that named the version it was based on, while the data has changed since.
 */
public class StaleVersionException extends ConflictException {

	private final long currentVersion;

	public StaleVersionException(String message, long currentVersion) {
		super(message);
		this.currentVersion = currentVersion;
	}

	/** The version the data is at now. */
	public long currentVersion() {
		return this.currentVersion;
	}

}
