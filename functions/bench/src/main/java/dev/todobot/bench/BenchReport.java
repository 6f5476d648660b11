package dev.todobot.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured, as results.json holds it.
 *
 * @param date when it ran (UTC, ISO-8601)
 * @param machine where it ran
 * @param jvmOptions the options of every function process
 * @param functionJvmOptions the options the chart adds for one function, by function
 * @param environment extra settings of every function process
 * @param runs fresh processes per function and mode
 * @param trainingSeconds how long each AOT training run took
 * @param coldStarts per function and mode
 * @param memory per function
 * @param throughput per function and request
 */
record BenchReport(String date, Machine machine, List<String> jvmOptions, Map<String, List<String>> functionJvmOptions,
		Map<String, String> environment, int runs, Map<String, Double> trainingSeconds, List<ColdStart> coldStarts,
		List<MemoryUse> memory, List<LoadResult> throughput) {

}
