package io.callqa.transcription;

import java.time.LocalDate;
import java.util.List;

/**
 * The trends of several queues over the same period and buckets, side by side: each queue's calls per category per
 * day or week, its shares and its most rising categories, over the same list of categories (a category none of a
 * queue's calls has counts zero there).
 *
 * @param buckets the first day of each day or week, in order (the same for every queue)
 * @param queues one entry per queue, in the order asked (or busiest first when none was asked)
 */
public record QueueTrends(List<LocalDate> buckets, List<QueueTrend> queues) {

	/** One queue's trends, as {@link Categories#trends} gives them for that queue alone. */
	public record QueueTrend(String queue, CategoryTrends trends) {
	}

}
