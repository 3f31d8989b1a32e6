package io.callqa.transcription;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Categories (saved searches every indexed call is tagged with), re-tagging a period after a change, the trends of
 * the tags and what customers ask.
 */
public interface Categories {

	/** Queues compared side by side at most: more charts than that side by side are not read. */
	int MAX_QUEUES = 6;

	List<Category> list();

	/** @throws CategoryException NOT_FOUND */
	Category find(long id);

	/**
	 * Saves a new category; calls indexed from now on are tagged with it (older ones by {@link #retag}).
	 * @throws CategoryException DUPLICATE_NAME, INVALID (blank or long name, query the search refuses)
	 */
	Category create(CategoryDraft draft, String who);

	/** @throws CategoryException NOT_FOUND, DUPLICATE_NAME, INVALID */
	Category update(long id, CategoryDraft draft, String who);

	/** @throws CategoryException NOT_FOUND */
	void delete(long id);

	/**
	 * Queues every indexed call that started in {@code [from, to)} for indexing again, which tags it with the categories
	 * saved by then; the indexer does the work in the background.
	 * @throws CategoryException INVALID when {@code to} is not after {@code from}
	 * @throws SearchUnavailableException if this process keeps no index
	 */
	RetagJob retag(Instant from, Instant to, String who);

	/**
	 * Queues every transcribed call of the index for indexing again, the period of the job being the index's own: from
	 * its earliest call's start to just after its latest. What a category saved through the API starts by itself.
	 * @return empty when the index holds no transcribed call, or this process keeps no index (then there is nothing
	 * to re-tag here)
	 */
	Optional<RetagJob> retagIndexed(String who);

	/** @throws CategoryException NOT_FOUND */
	RetagJob retagJob(long id);

	/** The latest re-taggings, newest first. */
	List<RetagJob> retagJobs(int limit);

	/**
	 * @param weeks weeks (from Monday) instead of days
	 * @param queue only this queue's calls; null: all
	 * @throws SearchUnavailableException if this process keeps no index
	 */
	CategoryTrends trends(Instant from, Instant to, boolean weeks, ZoneId zone, @Nullable String queue);

	/**
	 * The trends of several queues side by side, over the same buckets and categories.
	 * @param queues the queues, in the order to show them (at most {@link #MAX_QUEUES}, repeats dropped); empty: the
	 * {@link #MAX_QUEUES} queues with the most transcribed calls in the period
	 * @throws CategoryException INVALID for more than {@link #MAX_QUEUES} queues or a bad period
	 * @throws SearchUnavailableException if this process keeps no index
	 */
	QueueTrends queueTrends(Instant from, Instant to, boolean weeks, ZoneId zone, List<String> queues);

	/** @throws SearchUnavailableException if this process keeps no index */
	CustomerPhrases customerPhrases(Instant from, Instant to, @Nullable String queue, int limit);

}
