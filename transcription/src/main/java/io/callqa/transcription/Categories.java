package io.callqa.transcription;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Categories (saved searches every indexed call is tagged with), re-tagging calls after a change, the trends of the
 * tags and what customers ask.
 *
 * <p>A re-tagging is asked once the change it follows has committed, never inside its transaction: a call with an
 * outbox row the indexer has not picked up yet is then left to that row rather than queued again (see
 * {@link RetagJob#queued()}), and the calls of the batch being indexed at that moment, which may have read the
 * categories before the change, are re-tagged too.
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

	/**
	 * Saves the change; the calls indexed before keep their tags until re-tagged, also the old name's when renamed
	 * (see {@link Updated#previousName()} and {@link #retagTagged}).
	 * @throws CategoryException NOT_FOUND, DUPLICATE_NAME, INVALID
	 */
	Updated update(long id, CategoryDraft draft, String who);

	/**
	 * Deletes the category; the calls tagged with it keep its name in the index until re-tagged ({@link #retagTagged}).
	 * Trends, facets and the category filter ignore a name no category has meanwhile.
	 * @return the category deleted
	 * @throws CategoryException NOT_FOUND
	 */
	Category delete(long id);

	/**
	 * Queues every indexed call that started in {@code [from, to)} for indexing again, which tags it with the categories
	 * saved by then; the indexer does the work in the background.
	 * @throws CategoryException INVALID when {@code to} is not after {@code from}
	 * @throws SearchUnavailableException if this process keeps no index
	 * @throws IllegalStateException inside a transaction
	 */
	default RetagJob retag(Instant from, Instant to, String who) {
		return retag(from, to, null, who);
	}

	/**
	 * {@link #retag(Instant, Instant, String)}, and the calls tagged with {@code tagged} whenever they started (a
	 * renamed category's old name): the job's period is widened to theirs.
	 */
	RetagJob retag(Instant from, Instant to, @Nullable String tagged, String who);

	/**
	 * Queues every transcribed call of the index for indexing again, the period of the job being the index's own: from
	 * its earliest call's start to just after its latest. What a category saved through the API starts by itself
	 * (every call tagged with a renamed category's old name is among them: only transcribed calls are tagged).
	 * @return empty when the index holds no transcribed call, or this process keeps no index (then there is nothing
	 * to re-tag here)
	 * @throws IllegalStateException inside a transaction
	 */
	Optional<RetagJob> retagIndexed(String who);

	/**
	 * Queues every call the index tags with {@code name} for indexing again: after the category of that name was
	 * deleted or renamed, the name leaves them. Much cheaper than re-tagging every call. The job's period spans their
	 * starts.
	 * @return empty when no call has the name (nor was being indexed), or this process keeps no index
	 * @throws IllegalStateException inside a transaction
	 */
	Optional<RetagJob> retagTagged(String name, String who);

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

	/**
	 * A category as an update saved it, and the name it had before (calls are tagged by name).
	 */
	record Updated(Category category, String previousName) {

		public boolean renamed() {
			return !this.category.name().equals(this.previousName);
		}

	}

}
