package dev.todobot.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One way to start a function that the benchmark times: a launch mode, and for
 * experiments JVM options and an AOT training of its own. The default variants are the
 * three launch modes with the image's options.
 *
 * @param id short name, unique in a run
 * @param label how the report names it
 * @param mode the launch mode
 * @param jvmOptions options added to the image's
 * @param training how its AOT cache is trained: {@code refresh} or {@code workload}
 */
record Variant(String id, String label, LaunchMode mode, List<String> jvmOptions, String training) {

	Variant {
		if (!id.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("a variant id takes a-z, 0-9 and '-', not '" + id + "'");
		}
		if (!training.equals("refresh") && !training.equals("workload")) {
			throw new IllegalArgumentException("training is refresh or workload, not '" + training + "'");
		}
		jvmOptions = List.copyOf(jvmOptions);
	}

	static Variant of(LaunchMode mode, String training) {
		return new Variant(mode.id(), mode.label(), mode, List.of(), training);
	}

	/**
	 * Reads {@code ID=MODE[/TRAINING] [JVM OPTIONS...]}, for example
	 * {@code c1=aot/workload -XX:TieredStopAtLevel=1}.
	 * @param spec the variant
	 * @param training the training when the spec names none
	 * @return the variant
	 */
	static Variant parse(String spec, String training) {
		String[] words = spec.trim().split("\\s+");
		int equals = words[0].indexOf('=');
		if (equals < 1) {
			throw new IllegalArgumentException("--variant takes ID=MODE[/TRAINING] [JVM OPTIONS], not " + spec);
		}
		String id = words[0].substring(0, equals);
		String[] modeAndTraining = words[0].substring(equals + 1).split("/", 2);
		List<String> options = Arrays.asList(words).subList(1, words.length);
		LaunchMode mode = LaunchMode.of(modeAndTraining[0]);
		String label = id + (options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
		return new Variant(id, label, mode, options, (modeAndTraining.length > 1) ? modeAndTraining[1] : training);
	}

	/**
	 * The AOT cache file of this variant, next to the extracted jar.
	 * @return its name, or {@code null} when the variant uses none
	 */
	String cacheFile() {
		if (this.mode != LaunchMode.AOT) {
			return null;
		}
		return this.id.equals(LaunchMode.AOT.id()) ? "app.aot" : "app-" + this.id + ".aot";
	}

}
