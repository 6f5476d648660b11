package dev.todobot.bench;

/**
 * What a load run measured.
 *
 * @param function the function app
 * @param scenario the request, as the report names it
 * @param generator the load generator: {@value Load#GENERATOR} or {@value Wrk#GENERATOR}
 * @param connections concurrent connections, one worker each
 * @param seconds how long the measured part lasted
 * @param requests answered requests, good or bad
 * @param errors answers that were not a 200 with the expected body (wrk: not a 2xx or
 * 3xx), plus I/O failures and timeouts
 * @param requestsPerSecond good answers per second
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param maxMs slowest request
 */
record LoadResult(String function, String scenario, String generator, int connections, double seconds, long requests,
		long errors, double requestsPerSecond, double p50Ms, double p99Ms, double maxMs) {

}
