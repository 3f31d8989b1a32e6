package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.FacetCount;

/**
 * Counts the matching calls and, per keyword field, how many have each value. Lucene's facet counts gathered the
 * calls into a set, then walked it once per field beside the field's values, mapping each segment's ordinals to the
 * index's; at 1,000,000 calls and a common word that was most of a search's time. Here a segment's matches are marked
 * in a bit set and counted at its end from {@link SegmentValues}, its values held in memory.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Leaves, FacetCounter.Counts> {

	private final List<String> fields;

	/** Per segment, its values: kept while it is open (a segment never changes), for every search. */
	private final Map<IndexReader.CacheKey, SegmentValues> segments = new ConcurrentHashMap<>();

	FacetCounter(List<String> fields) {
		this.fields = List.copyOf(fields);
	}

	@Override
	public Leaves newCollector() {
		return new Leaves(this.fields, this.segments);
	}

	@Override
	public Counts reduce(Collection<Leaves> collectors) throws IOException {
		long calls = 0;
		Map<String, Map<String, Long>> values = new HashMap<>();
		for (String field : this.fields) {
			values.put(field, new HashMap<>());
		}
		for (Leaves collector : collectors) {
			collector.finishSegment();
			calls += collector.calls;
			for (int i = 0; i < this.fields.size(); i++) {
				Map<String, Long> total = values.get(this.fields.get(i));
				collector.values.get(i).forEach((value, count) -> total.merge(value, count, Long::sum));
			}
		}
		return new Counts(calls, values);
	}

	/** How many calls matched, and per field how many of them have each value. */
	record Counts(long calls, Map<String, Map<String, Long>> values) {

		/** The field's values kept by {@code kept}, most frequent first, equal counts by value, at most {@code limit}. */
		List<FacetCount> top(String field, int limit, Predicate<String> kept) {
			return this.values.getOrDefault(field, Map.of())
				.entrySet()
				.stream()
				.filter((value) -> value.getValue() > 0 && kept.test(value.getKey()))
				.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
					.thenComparing(Map.Entry.comparingByKey()))
				.limit(limit)
				.map((value) -> new FacetCount(value.getKey(), value.getValue()))
				.toList();
		}

	}

	/**
	 * A segment's values of the counted fields, read once: per call the ordinal of its value of each single-valued
	 * field with fewer than 32,768 values (2 bytes a call and field), and how many of all its calls (deleted ones
	 * included) have each value. Other fields (several values a call) are read from the index each time.
	 */
	static final class SegmentValues {

		/** Per field, per call its value's ordinal or -1; null for a field read from the index. */
		private final short[] @Nullable [] ordinals;

		private final int[][] all;

		private SegmentValues(short[] @Nullable [] ordinals, int[][] all) {
			this.ordinals = ordinals;
			this.all = all;
		}

		static SegmentValues of(LeafReader reader, List<String> fields) throws IOException {
			int maxDoc = reader.maxDoc();
			short[] @Nullable [] ordinals = new short[fields.size()][];
			int[][] all = new int[fields.size()][];
			for (int i = 0; i < fields.size(); i++) {
				SortedSetDocValues values = DocValues.getSortedSet(reader, fields.get(i));
				all[i] = new int[Math.toIntExact(values.getValueCount())];
				SortedDocValues single = DocValues.unwrapSingleton(values);
				if (values.getValueCount() == 0) {
					continue; // no call of the segment has the field (categories before any is saved)
				}
				if (single != null && values.getValueCount() <= Short.MAX_VALUE) {
					short[] ords = new short[maxDoc];
					Arrays.fill(ords, (short) -1);
					for (int doc = single.nextDoc(); doc < maxDoc; doc = single.nextDoc()) {
						ords[doc] = (short) single.ordValue();
						all[i][ords[doc]]++;
					}
					ordinals[i] = ords;
				}
				else {
					for (int doc = values.nextDoc(); doc < maxDoc; doc = values.nextDoc()) {
						for (int value = 0; value < values.docValueCount(); value++) {
							all[i][Math.toIntExact(values.nextOrd())]++;
						}
					}
				}
			}
			return new SegmentValues(ordinals, all);
		}

		/**
		 * Per field, how many of the calls in {@code docs} have each value: counted up from nothing, or down from all
		 * the segment's calls when {@code docs} are those that do not match.
		 */
		int[][] count(LeafReader reader, List<String> fields, FixedBitSet docs, boolean down) throws IOException {
			int[][] counts = new int[fields.size()][];
			int step = down ? -1 : 1;
			long[] bits = docs.getBits();
			int words = FixedBitSet.bits2words(docs.length());
			for (int i = 0; i < fields.size(); i++) {
				int[] fieldCounts = down ? this.all[i].clone() : new int[this.all[i].length];
				counts[i] = fieldCounts;
				if (fieldCounts.length == 0) {
					continue;
				}
				short[] ords = this.ordinals[i];
				if (ords != null) {
					countOrdinals(ords, bits, words, fieldCounts, step);
				}
				else {
					countValues(DocValues.getSortedSet(reader, fields.get(i)), bits, words, fieldCounts, step);
				}
			}
			return counts;
		}

		private static void countOrdinals(short[] ords, long[] bits, int words, int[] counts, int step) {
			for (int word = 0; word < words; word++) {
				for (long set = bits[word]; set != 0; set &= set - 1) {
					int ord = ords[(word << 6) + Long.numberOfTrailingZeros(set)];
					if (ord >= 0) {
						counts[ord] += step;
					}
				}
			}
		}

		private static void countValues(SortedSetDocValues values, long[] bits, int words, int[] counts, int step)
				throws IOException {
			for (int word = 0; word < words; word++) {
				for (long set = bits[word]; set != 0; set &= set - 1) {
					if (values.advanceExact((word << 6) + Long.numberOfTrailingZeros(set))) {
						for (int value = 0; value < values.docValueCount(); value++) {
							counts[Math.toIntExact(values.nextOrd())] += step;
						}
					}
				}
			}
		}

	}

	/**
	 * One collector per slice of segments. A segment's matches are counted at its end: those that match when they
	 * are at most half of its calls, otherwise down from all its calls those that do not (deleted calls included, as
	 * they match nothing); a common word matches most calls.
	 */
	static final class Leaves extends SimpleCollector {

		private final List<String> fields;

		private final Map<IndexReader.CacheKey, SegmentValues> segments;

		private final List<Map<String, Long>> values = new ArrayList<>();

		private long calls;

		private @Nullable LeafReader reader;

		private @Nullable FixedBitSet matching;

		private int segmentCalls;

		Leaves(List<String> fields, Map<IndexReader.CacheKey, SegmentValues> segments) {
			this.fields = fields;
			this.segments = segments;
			for (int i = 0; i < fields.size(); i++) {
				this.values.add(new HashMap<>());
			}
		}

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			finishSegment();
			this.reader = context.reader();
			this.matching = new FixedBitSet(Math.max(1, this.reader.maxDoc()));
		}

		@Override
		public void setScorer(Scorable scorer) {
			// counts only
		}

		@Override
		public void collect(int doc) {
			this.matching.set(doc);
			this.segmentCalls++;
		}

		/** Adds the segment's counts by value; its ordinals mean nothing in another segment. */
		void finishSegment() throws IOException {
			LeafReader reader = this.reader;
			FixedBitSet matching = this.matching;
			int matches = this.segmentCalls;
			this.reader = null;
			this.matching = null;
			this.segmentCalls = 0;
			if (reader == null || matching == null || matches == 0) {
				return;
			}
			this.calls += matches;
			SegmentValues values = segmentValues(reader);
			boolean down = matches * 2L > reader.maxDoc();
			if (down) {
				matching.flip(0, reader.maxDoc());
			}
			int[][] counts = values.count(reader, this.fields, matching, down);
			for (int i = 0; i < this.fields.size(); i++) {
				SortedSetDocValues names = DocValues.getSortedSet(reader, this.fields.get(i));
				for (int ord = 0; ord < counts[i].length; ord++) {
					if (counts[i][ord] > 0) {
						this.values.get(i).merge(names.lookupOrd(ord).utf8ToString(), (long) counts[i][ord], Long::sum);
					}
				}
			}
		}

		private SegmentValues segmentValues(LeafReader reader) throws IOException {
			IndexReader.CacheHelper core = reader.getCoreCacheHelper();
			if (core == null) {
				return SegmentValues.of(reader, this.fields);
			}
			SegmentValues values = this.segments.get(core.getKey());
			if (values == null) {
				values = SegmentValues.of(reader, this.fields);
				if (this.segments.putIfAbsent(core.getKey(), values) == null) {
					core.addClosedListener(this.segments::remove);
				}
			}
			return values;
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
