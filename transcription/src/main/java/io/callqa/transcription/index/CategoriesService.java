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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.callqa.transcription.Categories;
import io.callqa.transcription.Category;
import io.callqa.transcription.CategoryDraft;
import io.callqa.transcription.CategoryException;
import io.callqa.transcription.CategoryTrends;
import io.callqa.transcription.CustomerPhrases;
import io.callqa.transcription.Matching;
import io.callqa.transcription.QueueTrends;
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

	private final TransactionOperations transaction;

	private final Analyzer analyzer = new TranscriptAnalyzer();

	CategoriesService(CategoryStore store, ObjectProvider<TranscriptIndex> index, TransactionOperations transaction) {
		this.store = store;
		this.index = index;
		this.transaction = transaction;
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
	public Updated update(long id, CategoryDraft draft, String who) {
		CategoryDraft valid = validated(draft, id);
		String previous = this.store.lockName(id).orElseThrow(() -> notFound(id));
		this.store.update(id, valid.name(), valid.query(), valid.speaker(), valid.matching(), who);
		return new Updated(find(id), previous);
	}

	@Override
	@Transactional
	public Category delete(long id) {
		return this.store.delete(id).orElseThrow(() -> notFound(id));
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
	public RetagJob retag(Instant from, Instant to, @Nullable String tagged, String who) {
		checkPeriod(from, to);
		Query period = CategoryCounts.period(from, to, null);
		Query calls = (tagged == null) ? period : anyOf(period, tagged(tagged));
		return queue(index(), calls, from, to, true, who).orElseThrow();
	}

	/**
	 * Every transcribed call of the index: the calls a category's query runs against, whatever their age (the index
	 * keeps what PostgreSQL keeps, so its calls are the ones a search finds).
	 */
	@Override
	public Optional<RetagJob> retagIndexed(String who) {
		TranscriptIndex index = this.index.getIfAvailable();
		if (index == null) {
			return Optional.empty();
		}
		return queue(index, new FieldExistsQuery(TranscriptFields.TEXT), null, null, false, who);
	}

	@Override
	public Optional<RetagJob> retagTagged(String name, String who) {
		TranscriptIndex index = this.index.getIfAvailable();
		if (index == null) {
			return Optional.empty();
		}
		return queue(index, tagged(name), null, null, false, who);
	}

	private static Query tagged(String name) {
		return new TermQuery(new Term(TranscriptFields.CATEGORY, name));
	}

	private static Query anyOf(Query one, Query other) {
		return new BooleanQuery.Builder().add(one, BooleanClause.Occur.SHOULD)
			.add(other, BooleanClause.Occur.SHOULD)
			.build();
	}

	/**
	 * Queues the calls {@code query} finds for indexing again, and the calls of the batch being indexed now (see
	 * {@link CategoryStore#retag}). Runs after the change it follows has committed: the outbox position is read after
	 * that commit and before the calls, then the rows are queued in a transaction of their own.
	 * @param from the job's period, widened to its calls' starts; null: their starts alone
	 * @param always a job even with no call; otherwise empty then
	 */
	private Optional<RetagJob> queue(TranscriptIndex index, Query query, @Nullable Instant from, @Nullable Instant to,
			boolean always, String who) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A re-tagging is asked once the category change has committed, "
					+ "outside any transaction");
		}
		// A rebuild's own batches are not followed by the position: while one runs, no row is relied on.
		boolean reuse = !index.status().rebuilding();
		TranscriptIndex.OutboxPosition position = index.outboxPosition();
		IndexedCalls calls = read(index, (searcher) -> calls(searcher, query));
		if (!always && calls.ids().isEmpty() && position.selected() == position.applied()) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		Instant start = (from != null) ? from : now;
		Instant end = (to != null) ? to : now;
		if (calls.hasStarts()) {
			Instant first = Instant.ofEpochMilli(calls.firstStart());
			Instant afterLast = Instant.ofEpochMilli(calls.lastStart() + 1);
			start = (from == null || first.isBefore(from)) ? first : from;
			end = (to == null || afterLast.isAfter(to)) ? afterLast : to;
		}
		Instant jobFrom = start;
		Instant jobTo = end;
		Long id = this.transaction.execute((status) -> this.store.retag(calls.ids(), jobFrom, jobTo, who,
				position.applied(), position.selected(), reuse));
		return this.store.retagJob(Objects.requireNonNull(id), index.committedOutboxSeq());
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

	/**
	 * The calls a query matches, by call id, read from the call id's doc values, and the earliest and latest start
	 * among them ({@code Long.MAX_VALUE} and {@code Long.MIN_VALUE} when none has one).
	 */
	private static IndexedCalls calls(IndexSearcher searcher, Query query) throws IOException {
		List<Long> ids = new ArrayList<>();
		long[] starts = { Long.MAX_VALUE, Long.MIN_VALUE };
		searcher.search(query, new SimpleCollector() {

			private SortedSetDocValues callIds = DocValues.emptySortedSet();

			private SortedNumericDocValues started = DocValues.emptySortedNumeric();

			@Override
			protected void doSetNextReader(LeafReaderContext context) throws IOException {
				this.callIds = DocValues.getSortedSet(context.reader(), TranscriptFields.CALL_ID);
				this.started = DocValues.getSortedNumeric(context.reader(), TranscriptFields.STARTED_AT);
			}

			@Override
			public void collect(int doc) throws IOException {
				if (this.callIds.advanceExact(doc)) {
					ids.add(Long.parseLong(this.callIds.lookupOrd(this.callIds.nextOrd()).utf8ToString()));
				}
				if (this.started.advanceExact(doc)) {
					long start = this.started.nextValue();
					starts[0] = Math.min(starts[0], start);
					starts[1] = Math.max(starts[1], start);
				}
			}

			@Override
			public ScoreMode scoreMode() {
				return ScoreMode.COMPLETE_NO_SCORES;
			}

		});
		ids.sort(Comparator.naturalOrder());
		return new IndexedCalls(ids, starts[0], starts[1]);
	}

	private record IndexedCalls(List<Long> ids, long firstStart, long lastStart) {

		boolean hasStarts() {
			return this.firstStart <= this.lastStart;
		}

	}

	@Override
	public CategoryTrends trends(Instant from, Instant to, boolean weeks, ZoneId zone, @Nullable String queue) {
		checkPeriod(from, to);
		Buckets buckets = new Buckets(buckets(from, to, weeks, zone), weeks, zone);
		Set<String> saved = savedNames();
		return read(index(), (searcher) -> trends(buckets.days(), count(searcher, from, to, buckets, queue), saved));
	}

	@Override
	public QueueTrends queueTrends(Instant from, Instant to, boolean weeks, ZoneId zone, List<String> queues) {
		checkPeriod(from, to);
		List<String> asked = queues.stream().filter((queue) -> queue != null && !queue.isBlank()).distinct().toList();
		if (asked.size() > MAX_QUEUES) {
			throw invalid("At most " + MAX_QUEUES + " queues side by side, were " + asked.size());
		}
		Buckets buckets = new Buckets(buckets(from, to, weeks, zone), weeks, zone);
		Set<String> saved = savedNames();
		return read(index(), (searcher) -> {
			List<String> shown = asked.isEmpty() ? busiestQueues(searcher, CategoryCounts.period(from, to, null))
					: asked;
			// Every queue gets the same categories, so their charts line up.
			List<QueueTrends.QueueTrend> trends = new ArrayList<>();
			for (String queue : shown) {
				trends.add(new QueueTrends.QueueTrend(queue,
						trends(buckets.days(), count(searcher, from, to, buckets, queue), saved)));
			}
			return new QueueTrends(buckets.days(), trends);
		});
	}

	/** The {@link #MAX_QUEUES} queues with the most transcribed calls in the period; equal ones by name. */
	private static List<String> busiestQueues(IndexSearcher searcher, Query period) throws IOException {
		if (!hasField(searcher, TranscriptFields.QUEUE)) {
			return List.of();
		}
		FacetsCollector collector = searcher.search(period, new FacetsCollectorManager());
		StringDocValuesReaderState state = new StringDocValuesReaderState(searcher.getIndexReader(),
				TranscriptFields.QUEUE);
		FacetResult all = new StringValueFacetCounts(state, collector).getAllChildren(TranscriptFields.QUEUE);
		if (all == null) {
			return List.of();
		}
		return Stream.of(all.labelValues)
			.filter((queue) -> queue.value.longValue() > 0)
			.sorted(Comparator.comparingLong((LabelAndValue queue) -> queue.value.longValue())
				.reversed()
				.thenComparing((queue) -> queue.label))
			.limit(MAX_QUEUES)
			.map((queue) -> queue.label)
			.toList();
	}

	/**
	 * The names trends show: the saved categories'. The index may still tag calls with a name deleted or renamed until
	 * its re-tagging has reached them; such a name is no category any more, and is left out.
	 */
	private Set<String> savedNames() {
		Set<String> names = new HashSet<>();
		this.store.all().forEach((category) -> names.add(category.name()));
		return names;
	}

	/** A period's counts per bucket and the previous period's (of the same length) in one bucket. */
	private static Counted count(IndexSearcher searcher, Instant from, Instant to, Buckets buckets,
			@Nullable String queue) throws IOException {
		Instant previousFrom = from.minus(Duration.between(from, to));
		CategoryCounts now = CategoryCounts.count(searcher, CategoryCounts.period(from, to, queue),
				buckets.days().size(), buckets::of);
		CategoryCounts before = CategoryCounts.count(searcher, CategoryCounts.period(previousFrom, from, queue), 1,
				(millis) -> 0);
		return new Counted(now, before);
	}

	/**
	 * {@code names}: the categories to give a series and a change, whether the period has their calls or not; no other
	 * name counted in the index is shown.
	 */
	private static CategoryTrends trends(List<LocalDate> buckets, Counted counted, Set<String> names) {
		CategoryCounts now = counted.now();
		CategoryCounts before = counted.before();
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

	/** The days or weeks of a period, and which one a start time falls in. */
	private record Buckets(List<LocalDate> days, Map<LocalDate, Integer> index, boolean weeks, ZoneId zone) {

		Buckets(List<LocalDate> days, boolean weeks, ZoneId zone) {
			this(days, indexOf(days), weeks, zone);
		}

		private static Map<LocalDate, Integer> indexOf(List<LocalDate> days) {
			Map<LocalDate, Integer> index = new HashMap<>();
			days.forEach((day) -> index.put(day, index.size()));
			return index;
		}

		int of(long millis) {
			return this.index.getOrDefault(bucketOf(millis, this.weeks, this.zone), -1);
		}

	}

	private record Counted(CategoryCounts now, CategoryCounts before) {
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
		return hasField(searcher, CategoryFields.CUSTOMER_PHRASE);
	}

	/** Facet counts over a field no document has fail, so they are asked only when some segment has it. */
	private static boolean hasField(IndexSearcher searcher, String field) {
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			if (leaf.reader().getFieldInfos().fieldInfo(field) != null) {
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
