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
 * @param cpuUsPerRequest CPU time the function's process used per answered request, all
 * threads, in microseconds; -1 when not measured. Other work on the machine disturbs it
 * less than the rate
 */
record LoadResult(String function, String scenario, String generator, int connections, double seconds, long requests,
		long errors, double requestsPerSecond, double p50Ms, double p99Ms, double maxMs, double cpuUsPerRequest) {

	/**
	 * This result with the CPU time the function used through it.
	 * @param cpuMillis the process's CPU time during the run
	 * @return the result
	 */
	LoadResult withCpu(long cpuMillis) {
		double perRequest = (cpuMillis < 0 || this.requests == 0) ? -1
				: Math.round(cpuMillis * 1000.0 / this.requests * 10) / 10.0;
		return new LoadResult(this.function, this.scenario, this.generator, this.connections, this.seconds,
				this.requests, this.errors, this.requestsPerSecond, this.p50Ms, this.p99Ms, this.maxMs, perRequest);
	}

}
