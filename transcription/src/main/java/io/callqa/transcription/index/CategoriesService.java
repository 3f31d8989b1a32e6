package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.transcription.Categories;
import io.callqa.transcription.Category;
import io.callqa.transcription.CategoryDraft;
import io.callqa.transcription.CategoryException;
import io.callqa.transcription.CategoryTrends;
import io.callqa.transcription.CustomerPhrases;
import io.callqa.transcription.Matching;
import io.callqa.transcription.RetagJob;
import io.callqa.transcription.SearchUnavailableException;

/**
 * Categories kept in PostgreSQL; re-tagging, trends and customer phrases read from the index of this process.
 */
@Service
class CategoriesService implements Categories {

	static final int MAX_NAME = 100;

	static final int MAX_QUERY = 2_000;

	/** Days a trend may cover: five years of days, or of weeks. */
	static final long MAX_DAYS = 5 * 366;

	private final CategoryStore store;

	private final ObjectProvider<TranscriptIndex> index;

	private final Analyzer analyzer = new TranscriptAnalyzer();

	CategoriesService(CategoryStore store, ObjectProvider<TranscriptIndex> index) {
		this.store = store;
		this.index = index;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Category> list() {
		return this.store.all();
	}

	@Override
	@Transactional(readOnly = true)
	public Category find(long id) {
		return this.store.find(id).orElseThrow(() -> notFound(id));
	}

	@Override
	@Transactional
	public Category create(CategoryDraft draft, String who) {
		CategoryDraft valid = validated(draft, 0);
		long id = this.store.insert(valid.name(), valid.query(), valid.speaker(), valid.matching(), who);
		return find(id);
	}

	@Override
	@Transactional
	public Category update(long id, CategoryDraft draft, String who) {
		CategoryDraft valid = validated(draft, id);
		if (!this.store.update(id, valid.name(), valid.query(), valid.speaker(), valid.matching(), who)) {
			throw notFound(id);
		}
		return find(id);
	}

	@Override
	@Transactional
	public void delete(long id) {
		if (!this.store.delete(id)) {
			throw notFound(id);
		}
	}

	private static CategoryException notFound(long id) {
		return new CategoryException(CategoryException.Kind.NOT_FOUND, "No category " + id);
	}

	/** Trims the name, fills the defaults, and parses the query as the tagger will. */
	private CategoryDraft validated(CategoryDraft draft, long id) {
		String name = (draft.name() != null) ? draft.name().strip() : "";
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw invalid("A category's name must be 1 to " + MAX_NAME + " characters");
		}
		String query = (draft.query() != null) ? draft.query().strip() : "";
		if (query.isEmpty() || query.length() > MAX_QUERY) {
			throw invalid("A category's query must be 1 to " + MAX_QUERY + " characters");
		}
		Category.Speaker speaker = (draft.speaker() != null) ? draft.speaker() : Category.Speaker.ANY;
		Matching matching = (draft.matching() != null) ? draft.matching() : Matching.STEMMED;
		CategoryTagger.query(query, speaker, matching, this.analyzer);
		if (this.store.nameTaken(name, id)) {
			throw new CategoryException(CategoryException.Kind.DUPLICATE_NAME,
					"Another category is named '" + name + "'");
		}
		return new CategoryDraft(name, query, speaker, matching);
	}

	private static CategoryException invalid(String message) {
		return new CategoryException(CategoryException.Kind.INVALID, message);
	}

	@Override
	@Transactional
	public RetagJob retag(Instant from, Instant to, String who) {
		checkPeriod(from, to);
		TranscriptIndex index = index();
		List<Long> callIds = read(index, (searcher) -> callIds(searcher, CategoryCounts.period(from, to, null)));
		long id = this.store.retag(callIds, from, to, who);
		return this.store.retagJob(id, index.committedOutboxSeq()).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public RetagJob retagJob(long id) {
		return this.store.retagJob(id, appliedSeq())
			.orElseThrow(() -> new CategoryException(CategoryException.Kind.NOT_FOUND, "No re-tagging " + id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<RetagJob> retagJobs(int limit) {
		return this.store.retagJobs(Math.max(1, Math.min(limit, 100)), appliedSeq());
	}

	private long appliedSeq() {
		TranscriptIndex index = this.index.getIfAvailable();
		return (index != null) ? index.committedOutboxSeq() : 0;
	}

	/** The calls a period's query matches, oldest document first, read from the call id's doc values. */
	private static List<Long> callIds(IndexSearcher searcher, Query period) throws IOException {
		List<Long> ids = new ArrayList<>();
		searcher.search(period, new SimpleCollector() {

			private SortedSetDocValues callIds = DocValues.emptySortedSet();

			@Override
			protected void doSetNextReader(LeafReaderContext context) throws IOException {
				this.callIds = DocValues.getSortedSet(context.reader(), TranscriptFields.CALL_ID);
			}

			@Override
			public void collect(int doc) throws IOException {
				if (this.callIds.advanceExact(doc)) {
					ids.add(Long.parseLong(this.callIds.lookupOrd(this.callIds.nextOrd()).utf8ToString()));
				}
			}

			@Override
			public ScoreMode scoreMode() {
				return ScoreMode.COMPLETE_NO_SCORES;
			}

		});
		ids.sort(Comparator.naturalOrder());
		return ids;
	}

	@Override
	public CategoryTrends trends(Instant from, Instant to, boolean weeks, ZoneId zone, @Nullable String queue) {
		checkPeriod(from, to);
		List<LocalDate> buckets = buckets(from, to, weeks, zone);
		Map<LocalDate, Integer> index = new HashMap<>();
		buckets.forEach((bucket) -> index.put(bucket, index.size()));
		Instant previousFrom = from.minus(Duration.between(from, to));
		return read(index(), (searcher) -> {
			CategoryCounts now = CategoryCounts.count(searcher, CategoryCounts.period(from, to, queue),
					buckets.size(), (millis) -> index.getOrDefault(bucketOf(millis, weeks, zone), -1));
			CategoryCounts before = CategoryCounts.count(searcher,
					CategoryCounts.period(previousFrom, from, queue), 1, (millis) -> 0);
			return trends(buckets, now, before);
		});
	}

	private CategoryTrends trends(List<LocalDate> buckets, CategoryCounts now, CategoryCounts before) {
		Set<String> names = new HashSet<>(now.categories.keySet());
		names.addAll(before.categories.keySet());
		this.store.all().forEach((category) -> names.add(category.name()));
		List<CategoryTrends.Series> series = new ArrayList<>();
		List<CategoryTrends.Change> changes = new ArrayList<>();
		for (String name : names) {
			long[] counts = now.categories.getOrDefault(name, new long[buckets.size()]);
			List<Long> calls = new ArrayList<>();
			List<Double> shares = new ArrayList<>();
			for (int i = 0; i < counts.length; i++) {
				calls.add(counts[i]);
				shares.add((now.calls[i] > 0) ? percent(counts[i], now.calls[i]) : null);
			}
			series.add(new CategoryTrends.Series(name, calls, shares, now.total(name)));
			changes.add(change(name, now.total(name), now.total(), before.total(name), before.total()));
		}
		series.sort(Comparator.comparingLong(CategoryTrends.Series::total).reversed()
			.thenComparing(CategoryTrends.Series::category));
		List<Long> calls = new ArrayList<>();
		for (long bucket : now.calls) {
			calls.add(bucket);
		}
		return new CategoryTrends(buckets, calls, series, now.total(), before.total(), rising(changes));
	}

	private static CategoryTrends.Change change(String name, long calls, long total, long previousCalls,
			long previousTotal) {
		return new CategoryTrends.Change(name, calls, previousCalls, percent(calls, total),
				percent(previousCalls, previousTotal));
	}

	/** Largest rise of share first; equal rises by calls this period, then by name. */
	private static List<CategoryTrends.Change> rising(List<CategoryTrends.Change> changes) {
		return changes.stream()
			.sorted(Comparator.comparingDouble(CategoryTrends.Change::change)
				.reversed()
				.thenComparing(Comparator.comparingLong(CategoryTrends.Change::calls).reversed())
				.thenComparing(CategoryTrends.Change::name))
			.toList();
	}

	/** Percent with two decimals (0 for no calls), so equal shares compare equal. */
	private static double percent(long part, long whole) {
		return (whole > 0) ? Math.round(10_000.0 * part / whole) / 100.0 : 0;
	}

	private static void checkPeriod(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw invalid("'to' must be after 'from'");
		}
		if (Duration.between(from, to).toDays() > MAX_DAYS) {
			throw invalid("A period may cover at most " + MAX_DAYS + " days");
		}
	}

	static List<LocalDate> buckets(Instant from, Instant to, boolean weeks, ZoneId zone) {
		List<LocalDate> buckets = new ArrayList<>();
		LocalDate last = bucketOf(to.toEpochMilli() - 1, weeks, zone);
		for (LocalDate bucket = bucketOf(from.toEpochMilli(), weeks, zone); !bucket.isAfter(last);
				bucket = bucket.plus(1, weeks ? ChronoUnit.WEEKS : ChronoUnit.DAYS)) {
			buckets.add(bucket);
		}
		return buckets;
	}

	private static LocalDate bucketOf(long millis, boolean weeks, ZoneId zone) {
		LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
		return weeks ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
	}

	@Override
	public CustomerPhrases customerPhrases(Instant from, Instant to, @Nullable String queue, int limit) {
		checkPeriod(from, to);
		if (limit < 1 || limit > 100) {
			throw invalid("limit must be from 1 to 100, was " + limit);
		}
		Instant previousFrom = from.minus(Duration.between(from, to));
		return read(index(), (searcher) -> {
			PhraseCounts now = phrases(searcher, CategoryCounts.period(from, to, queue));
			PhraseCounts before = phrases(searcher, CategoryCounts.period(previousFrom, from, queue));
			List<CategoryTrends.Change> candidates = new ArrayList<>();
			for (LabelAndValue phrase : now.top(Math.max(limit * 20, 500))) {
				long calls = phrase.value.longValue();
				candidates.add(change(phrase.label, calls, now.calls, before.count(phrase.label), before.calls));
			}
			List<CategoryTrends.Change> frequent = candidates.stream()
				.sorted(Comparator.comparingLong(CategoryTrends.Change::calls)
					.reversed()
					.thenComparing(CategoryTrends.Change::name))
				.limit(limit)
				.toList();
			// A phrase said in a single call rises by chance: rising ones were said in at least two calls.
			List<CategoryTrends.Change> rising = rising(candidates).stream()
				.filter((change) -> change.calls() >= 2 && change.change() > 0)
				.limit(limit)
				.toList();
			return new CustomerPhrases(now.calls, before.calls, frequent, rising);
		});
	}

	private static PhraseCounts phrases(IndexSearcher searcher, Query period) throws IOException {
		FacetsCollector collector = searcher.search(period, new FacetsCollectorManager());
		long calls = collector.getMatchingDocs().stream().mapToLong((docs) -> docs.totalHits).sum();
		if (!hasPhrases(searcher)) {
			return new PhraseCounts(calls, null);
		}
		StringDocValuesReaderState state = new StringDocValuesReaderState(searcher.getIndexReader(),
				CategoryFields.CUSTOMER_PHRASE);
		return new PhraseCounts(calls, new StringValueFacetCounts(state, collector));
	}

	private static boolean hasPhrases(IndexSearcher searcher) {
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			if (leaf.reader().getFieldInfos().fieldInfo(CategoryFields.CUSTOMER_PHRASE) != null) {
				return true;
			}
		}
		return false;
	}

	private TranscriptIndex index() {
		TranscriptIndex index = this.index.getIfAvailable();
		if (index == null) {
			throw new SearchUnavailableException();
		}
		return index;
	}

	private static <T> T read(TranscriptIndex index, TranscriptIndex.Reading<T> reading) {
		try {
			return index.read(reading);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Calls of a period with each customer phrase; no counts when no call of the index has any phrase. */
	private record PhraseCounts(long calls, @Nullable StringValueFacetCounts counts) {

		List<LabelAndValue> top(int n) throws IOException {
			if (this.counts == null) {
				return List.of();
			}
			FacetResult result = this.counts.getTopChildren(n, CategoryFields.CUSTOMER_PHRASE);
			return (result != null) ? List.of(result.labelValues) : List.of();
		}

		long count(String phrase) throws IOException {
			if (this.counts == null) {
				return 0;
			}
			Number count = this.counts.getSpecificValue(CategoryFields.CUSTOMER_PHRASE, phrase);
			return (count != null && count.longValue() > 0) ? count.longValue() : 0;
		}

	}

}
