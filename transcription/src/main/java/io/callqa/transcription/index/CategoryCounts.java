package io.callqa.transcription.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.jspecify.annotations.Nullable;

/**
 * Transcribed calls and calls per category in buckets of time, read from the index's doc values (start time and
 * categories) of the calls a period's query matches: the tags live only in the index, so counting there needs no
 * copy of them in PostgreSQL and costs one pass over the period's documents.
 */
final class CategoryCounts {

	final long[] calls;

	final Map<String, long[]> categories = new HashMap<>();

	private CategoryCounts(int buckets) {
		this.calls = new long[buckets];
	}

	/**
	 * Transcribed calls (those with text) that started in {@code [from, to)}, of {@code queue} if given.
	 */
	static Query period(Instant from, Instant to, @Nullable String queue) {
		BooleanQuery.Builder query = new BooleanQuery.Builder()
			.add(LongField.newRangeQuery(TranscriptFields.STARTED_AT, from.toEpochMilli(), to.toEpochMilli() - 1),
					Occur.FILTER)
			.add(new FieldExistsQuery(TranscriptFields.TEXT), Occur.FILTER);
		if (queue != null && !queue.isBlank()) {
			query.add(KeywordField.newExactQuery(TranscriptFields.QUEUE, queue), Occur.FILTER);
		}
		return query.build();
	}

	/** Counts per bucket; {@code bucketOf} maps a start time in epoch milliseconds to a bucket, or -1 for none. */
	static CategoryCounts count(IndexSearcher searcher, Query period, int buckets, LongToIntFunction bucketOf)
			throws IOException {
		CategoryCounts counts = new CategoryCounts(buckets);
		searcher.search(period, counts.new Counter(bucketOf));
		return counts;
	}

	long total() {
		long total = 0;
		for (long bucket : this.calls) {
			total += bucket;
		}
		return total;
	}

	long total(String category) {
		long total = 0;
		for (long bucket : this.categories.getOrDefault(category, new long[0])) {
			total += bucket;
		}
		return total;
	}

	/**
	 * Reads each matching document's start time and categories. Not thread-safe: the searcher runs it on the calling
	 * thread, as the index's searcher has no executor.
	 */
	private final class Counter extends SimpleCollector {

		private final LongToIntFunction bucketOf;

		private SortedNumericDocValues started = DocValues.emptySortedNumeric();

		private SortedSetDocValues categories = DocValues.emptySortedSet();

		private final List<String> names = new ArrayList<>();

		Counter(LongToIntFunction bucketOf) {
			this.bucketOf = bucketOf;
		}

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			this.started = DocValues.getSortedNumeric(context.reader(), TranscriptFields.STARTED_AT);
			this.categories = DocValues.getSortedSet(context.reader(), TranscriptFields.CATEGORY);
			this.names.clear();
		}

		@Override
		public void collect(int doc) throws IOException {
			if (!this.started.advanceExact(doc)) {
				return;
			}
			int bucket = this.bucketOf.applyAsInt(this.started.nextValue());
			if (bucket < 0) {
				return;
			}
			CategoryCounts.this.calls[bucket]++;
			if (this.categories.advanceExact(doc)) {
				for (int i = 0; i < this.categories.docValueCount(); i++) {
					String name = name(this.categories.nextOrd());
					CategoryCounts.this.categories.computeIfAbsent(name,
							(key) -> new long[CategoryCounts.this.calls.length])[bucket]++;
				}
			}
		}

		/** Ordinals are per segment; their names are looked up once per segment. */
		private String name(long ord) throws IOException {
			while (this.names.size() <= ord) {
				this.names.add(null);
			}
			String name = this.names.get((int) ord);
			if (name == null) {
				name = this.categories.lookupOrd(ord).utf8ToString();
				this.names.set((int) ord, name);
			}
			return name;
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
