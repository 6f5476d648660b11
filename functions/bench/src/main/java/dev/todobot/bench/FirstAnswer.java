package dev.todobot.bench;

import java.io.IOException;
import java.time.Duration;

import dev.todobot.launcher.FunctionProcess;
import dev.todobot.training.HttpConnection;
import dev.todobot.training.HttpResponse;
import dev.todobot.training.Request;

/**
 * The first good answer of a function that is starting, and the time from its process
 * start to it: the cold start the benchmark measures.
 *
 * @param elapsed the time from process start to it
 * @param response the answer
 */
record FirstAnswer(Duration elapsed, HttpResponse response) {

	/**
	 * Short, so that the answer is seen soon after the function can give it; the raw
	 * connection costs the machine's cores little.
	 */
	private static final Duration POLL = Duration.ofMillis(10);

	/**
	 * Sends the request every few milliseconds until it is answered with a 200 that
	 * contains its marker.
	 * @param process the function, just started
	 * @param request the first real request
	 * @param timeout how long after the process start to wait at most
	 * @return the answer, and the time from process start to it
	 */
	static FirstAnswer await(FunctionProcess process, Request request, Duration timeout) throws InterruptedException {
		byte[] bytes = request.encode(process.port());
		byte[] marker = request.markerBytes();
		long deadline = process.startedNanos() + timeout.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			process.requireRunning();
			try (HttpConnection connection = HttpConnection.open(process.port(), timeout)) {
				HttpResponse response = connection.exchange(bytes);
				long answered = System.nanoTime();
				if (response.status() == 200 && response.contains(marker)) {
					return new FirstAnswer(Duration.ofNanos(answered - process.startedNanos()), response);
				}
				last = response.status() + " " + response.text();
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(POLL);
		}
		throw new IllegalStateException(process.name() + " did not answer " + request.name() + " within "
				+ timeout.toSeconds() + " s (last: " + abbreviate(last) + "); see " + process.log());
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
