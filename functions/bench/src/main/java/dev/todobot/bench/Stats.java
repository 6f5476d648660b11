package dev.todobot.bench;

import java.util.Arrays;

/**
 * Order statistics over measured values.
 */
final class Stats {

	private Stats() {
	}

	/**
	 * The nearest-rank percentile of sorted values.
	 * @param sorted values in ascending order
	 * @param percent 0 to 100
	 * @return the value, or 0 when there are none
	 */
	static long percentile(long[] sorted, double percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	/**
	 * The median: the middle value, or the mean of the two middle values.
	 * @param values the values, in any order
	 * @return the median, or 0 when there are none
	 */
	static double median(double[] values) {
		if (values.length == 0) {
			return 0;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(0);
	}

}
