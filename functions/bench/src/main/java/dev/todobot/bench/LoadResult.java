package dev.todobot.bench;

/**
 * What a load run measured.
 *
 * @param function the function app
 * @param scenario the request, as the report names it
 * @param connections concurrent connections, one worker each
 * @param seconds how long the measured part lasted
 * @param requests answered requests, good or bad
 * @param errors answers that were not a 200 with the expected body, plus I/O failures
 * @param requestsPerSecond good answers per second
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param maxMs slowest request
 */
record LoadResult(String function, String scenario, int connections, double seconds, long requests, long errors,
		double requestsPerSecond, double p50Ms, double p99Ms, double maxMs) {

}
