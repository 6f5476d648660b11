package dev.todobot.bench;

import java.util.List;

/**
 * Cold starts of one function in one launch mode: process start to the first
 * database-backed answer.
 *
 * @param function the function app
 * @param mode the launch mode's id
 * @param firstAnswer the request timed
 * @param runsMs each fresh process, in order
 * @param medianMs their median
 * @param maxMs the slowest
 * @param rssMiB the median resident set size right after the first answer
 * @param cpuMs the median CPU time the process used until the first answer, all threads:
 * less sensitive than the wall-clock time to other work on the machine
 */
record ColdStart(String function, String mode, String firstAnswer, List<Double> runsMs, double medianMs, double maxMs,
		double rssMiB, double cpuMs) {

}
