package dev.todobot.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import dev.todobot.training.HttpConnection;
import dev.todobot.training.HttpResponse;
import dev.todobot.training.Request;

/**
 * A closed-loop load generator, like wrk: a fixed number of virtual-thread workers, each
 * with its own keep-alive connection, sending the next request as soon as the last one is
 * answered. Latency is measured per request from the first byte written to the last byte
 * read.
 */
final class Load {

	/** The generator's name in the report. */
	static final String GENERATOR = "built-in";

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private final int port;

	private final int connections;

	Load(int port, int connections) {
		if (connections < 1) {
			throw new IllegalArgumentException("connections must be at least 1, not " + connections);
		}
		this.port = port;
		this.connections = connections;
	}

	/**
	 * Sends the request for a fixed time.
	 * @param function the function app, for the result
	 * @param request the request
	 * @param duration how long
	 * @return what was measured
	 */
	LoadResult forDuration(String function, Request request, Duration duration) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		return run(function, request, () -> System.nanoTime() < deadline);
	}

	/**
	 * Sends the request a fixed number of times, spread over the workers.
	 * @param function the function app, for the result
	 * @param request the request
	 * @param count how many requests in all
	 * @return what was measured
	 */
	LoadResult forCount(String function, Request request, long count) throws InterruptedException {
		AtomicLong remaining = new AtomicLong(count);
		return run(function, request, () -> remaining.getAndDecrement() > 0);
	}

	private LoadResult run(String function, Request request, BooleanSupplier more) throws InterruptedException {
		byte[] bytes = request.encode(this.port);
		byte[] marker = request.markerBytes();
		List<Worker> workers = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < this.connections; i++) {
			Worker worker = new Worker(bytes, marker, more);
			workers.add(worker);
			threads.add(Thread.ofVirtual().name("load-" + i).start(worker));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long errors = 0;
		int total = 0;
		for (Worker worker : workers) {
			errors += worker.errors;
			total += worker.count;
		}
		long[] all = new long[total];
		int offset = 0;
		for (Worker worker : workers) {
			System.arraycopy(worker.latencies, 0, all, offset, worker.count);
			offset += worker.count;
		}
		Arrays.sort(all);
		long good = total - errors;
		return new LoadResult(function, request.name(), GENERATOR, this.connections, round(seconds), total, errors,
				round(good / seconds), millis(Stats.percentile(all, 50)), millis(Stats.percentile(all, 99)),
				millis((all.length == 0) ? 0 : all[all.length - 1]), -1);
	}

	private static double millis(long nanos) {
		return Math.round(nanos / 10_000.0) / 100.0;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private final class Worker implements Runnable {

		private final byte[] request;

		private final byte[] marker;

		private final BooleanSupplier more;

		private long[] latencies = new long[4096];

		private int count;

		private long errors;

		Worker(byte[] request, byte[] marker, BooleanSupplier more) {
			this.request = request;
			this.marker = marker;
			this.more = more;
		}

		@Override
		public void run() {
			HttpConnection connection = null;
			try {
				while (this.more.getAsBoolean()) {
					long began = System.nanoTime();
					try {
						if (connection == null) {
							connection = HttpConnection.open(Load.this.port, RESPONSE_TIMEOUT);
						}
						HttpResponse response = connection.exchange(this.request);
						if (response.status() != 200 || !response.contains(this.marker)) {
							this.errors++;
						}
						if (!connection.reusable()) {
							connection.close();
							connection = null;
						}
					}
					catch (IOException | RuntimeException ex) {
						this.errors++;
						if (connection != null) {
							connection.close();
							connection = null;
						}
					}
					record(System.nanoTime() - began);
				}
			}
			finally {
				if (connection != null) {
					connection.close();
				}
			}
		}

		private void record(long nanos) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = nanos;
		}

	}

}
