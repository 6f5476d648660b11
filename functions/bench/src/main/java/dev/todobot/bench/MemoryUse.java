package dev.todobot.bench;

/**
 * Resident set sizes of one function process through the load runs.
 *
 * @param function the function app
 * @param mode the launch mode's id
 * @param afterStartMiB right after the first answer
 * @param afterRequestsMiB after the fixed number of requests
 * @param afterRequestsAnonMiB the anonymous part of that: without mapped files such as
 * the AOT cache
 * @param requests that number
 * @param afterLoadMiB after every load run
 * @param peakMiB the largest it was (VmHWM)
 */
record MemoryUse(String function, String mode, double afterStartMiB, double afterRequestsMiB,
		double afterRequestsAnonMiB, int requests, double afterLoadMiB, double peakMiB) {

}
