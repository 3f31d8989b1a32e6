package io.callqa.transcription;

import java.time.LocalDate;
import java.util.List;

/**
 * Calls per category per day or week of a period, and how each category's share moved against the previous period
 * of the same length.
 *
 * @param buckets the first day of each day or week, in order
 * @param calls transcribed calls per bucket (the denominator of every share)
 * @param categories one series per category (saved or still in the index), most calls first
 * @param totalCalls transcribed calls in the period
 * @param previousCalls transcribed calls in the previous period
 * @param rising categories by the change of their share, largest rise first
 */
public record CategoryTrends(List<LocalDate> buckets, List<Long> calls, List<Series> categories, long totalCalls,
		long previousCalls, List<Change> rising) {

	/**
	 * One category's calls per bucket, and its share of each bucket's calls in percent (null when a bucket has none).
	 */
	public record Series(String category, List<Long> calls, List<Double> share, long total) {
	}

	/**
	 * A category's (or phrase's) calls and share in percent, this period and the previous one, and the change of the
	 * share in percentage points.
	 */
	public record Change(String name, long calls, long previousCalls, double share, double previousShare,
			double change) {

		public Change(String name, long calls, long previousCalls, double share, double previousShare) {
			this(name, calls, previousCalls, share, previousShare, Math.round(100 * (share - previousShare)) / 100.0);
		}

	}

}
