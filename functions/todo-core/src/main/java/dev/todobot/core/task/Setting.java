package dev.todobot.core.task;

/**
 * A field an update sets: a {@code null} Setting leaves the field as it is, a Setting of
 * {@code null} clears it. So a request can tell "not sent" from "sent as null".
 *
 * @param <T> the field's type
 * @param value the new value, or {@code null} to clear the field
 */
public record Setting<T>(T value) {

	/**
	 * What a request sent for a field.
	 * @param sent whether the field was in the request at all
	 * @param value its value, {@code null} when sent as null
	 * @return {@code null} when not sent
	 */
	public static <T> Setting<T> of(boolean sent, T value) {
		return (sent || value != null) ? new Setting<>(value) : null;
	}

	public boolean clears() {
		return this.value == null;
	}

}
