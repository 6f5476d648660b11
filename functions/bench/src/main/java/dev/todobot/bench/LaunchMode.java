package dev.todobot.bench;

import java.util.Locale;

/**
 * The ways an image can start a function's JVM.
 */
enum LaunchMode {

	/** {@code java -jar x.jar}: Spring Boot's nested jar launcher. */
	FAT("fat jar"),

	/** {@code java -jar app.jar} from {@code java -Djarmode=tools -jar x.jar extract}. */
	EXTRACTED("extracted jar"),

	/**
	 * The extracted jar with a JDK 25 AOT cache, trained as functions/Dockerfile does.
	 */
	AOT("extracted + AOT cache");

	private final String label;

	LaunchMode(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	static LaunchMode of(String id) {
		for (LaunchMode mode : values()) {
			if (mode.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
				return mode;
			}
		}
		throw new IllegalArgumentException("unknown mode '" + id + "': use fat, extracted or aot");
	}

}
