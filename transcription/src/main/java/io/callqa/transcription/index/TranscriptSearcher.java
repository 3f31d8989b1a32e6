package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.FacetCount;
import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Snippet;

import static io.callqa.transcription.index.TranscriptFields.AGENT;
import static io.callqa.transcription.index.TranscriptFields.CALLBACK_REQUESTED;
import static io.callqa.transcription.index.TranscriptFields.CALLER;
import static io.callqa.transcription.index.TranscriptFields.CALL_ID;
import static io.callqa.transcription.index.TranscriptFields.CATEGORY;
import static io.callqa.transcription.index.TranscriptFields.DIRECTION;
import static io.callqa.transcription.index.TranscriptFields.DURATION;
import static io.callqa.transcription.index.TranscriptFields.HAS_RECORDING;
import static io.callqa.transcription.index.TranscriptFields.OUTCOME;
import static io.callqa.transcription.index.TranscriptFields.QA_SCORE;
import static io.callqa.transcription.index.TranscriptFields.QUEUE;
import static io.callqa.transcription.index.TranscriptFields.SURVEY_SCORE;
import static io.callqa.transcription.index.TranscriptFields.STARTED_AT;
import static io.callqa.transcription.index.TranscriptFields.WORDS;

/**
 * Runs a {@link SearchQuery} on the current searcher: one page of hits, by score, or newest first when browsing, the
 * exact number of matching calls, and facet counts over all of them when asked.
 */
final class TranscriptSearcher {

	static final int MAX_SIZE = 100;

	/** The deepest hit a page may reach: deeper paging is better served by a filter. Totals are exact at any depth. */
	static final int MAX_DEPTH = 10_000;

	/** The facets counted, by the keyword field they count (the field's name is the facet's name). */
	static final List<String> FACETS = List.of(AGENT, QUEUE, OUTCOME, CATEGORY);

	/** The keyword fields counted for the facets: those of {@link #FACETS} and the automatic score's bands. */
	private static final List<String> FACET_FIELDS = java.util.stream.Stream
		.concat(FACETS.stream(), java.util.stream.Stream.of(TranscriptFields.AUTO_SCORE_BAND))
		.toList();

	/** The values listed per facet, most frequent first. */
	static final int FACET_VALUES = 10;

	/**
	 * The share of all calls whose matches are counted while the page's hits are collected when the index does not
	 * know the total (see {@link #countedWhileCollecting}).
	 */
	static final double COUNTED_WHILE_COLLECTING = 0.01;

	private static final Sort NEWEST_FIRST = newestFirst();

	/** Everything but the text: the highlighter reads them in the same visit as the text it highlights. */
	private static final Set<String> HIT_FIELDS = Set.of(CALL_ID, AGENT, QUEUE, DIRECTION, CALLER, OUTCOME, STARTED_AT,
			DURATION, WORDS, HAS_RECORDING, QA_SCORE, SURVEY_SCORE, CALLBACK_REQUESTED, TranscriptFields.AUTO_SCORE,
			TranscriptFields.AUTO_CRITICAL_FAILED);

	/** The facet of automatic score bands, counted on {@link TranscriptFields#AUTO_SCORE_BAND}. */
	static final String AUTO_SCORE_FACET = "autoScore";

	/** Counts the facets, holding each open segment's values of their fields. */
	private final FacetCounter facetCounter = new FacetCounter(FACET_FIELDS);

	/** The current searcher's merged field infos, for the highlighter (see {@link #fieldInfos(IndexReader)}). */
	private volatile @Nullable ReaderFieldInfos fieldInfos;

	private final SearcherManager searchers;

	private final Analyzer analyzer;

	/** Whether the index has {@link TranscriptFields#TEXT_PAIRS}: not one of a version before 3, being rebuilt. */
	private final boolean pairsIndexed;

	/**
	 * Whether the index has {@link TranscriptFields#TEXT_TRIPLES} and {@link TranscriptFields#TEXT_NEAR}: not one of
	 * a version before 7, being rebuilt.
	 */
	private final boolean nearIndexed;

	TranscriptSearcher(SearcherManager searchers, Analyzer analyzer, boolean pairsIndexed, boolean nearIndexed) {
		this.searchers = searchers;
		this.analyzer = analyzer;
		this.pairsIndexed = pairsIndexed;
		this.nearIndexed = nearIndexed;
	}

	private static Sort newestFirst() {
		SortField started = LongField.newSortField(STARTED_AT, true, SortedNumericSelector.Type.MAX);
		started.setMissingValue(Long.MIN_VALUE);
		return new Sort(started);
	}

	/**
	 * @param categories the names of the categories saved now: a call's other names (a category deleted or renamed
	 * whose re-tagging has not reached it yet) are no facet value, and filtering on one finds nothing; null: every
	 * name the index holds
	 */
	SearchResults search(SearchQuery request, @Nullable Set<String> categories) {
		validate(request);
		try {
			return searchAcquired(SearchQueries.parse(request.text(), request.matching(), this.analyzer), request,
					categories);
		}
		catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException ex) {
			throw new InvalidSearchException("The query is too broad: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void validate(SearchQuery request) {
		if (request.page() < 0) {
			throw new IllegalArgumentException("page must be 0 or more, was " + request.page());
		}
		if (request.size() < 1 || request.size() > MAX_SIZE) {
			throw new IllegalArgumentException("size must be from 1 to " + MAX_SIZE + ", was " + request.size());
		}
		if ((request.page() + 1L) * request.size() > MAX_DEPTH) {
			throw new IllegalArgumentException("page " + request.page() + " of size " + request.size()
					+ " reaches past the first " + MAX_DEPTH + " hits: narrow the search instead");
		}
	}

	private SearchResults searchAcquired(Query query, SearchQuery request, @Nullable Set<String> categories)
			throws IOException {
		IndexSearcher searcher = this.searchers.acquire();
		try {
			return search(searcher, query, request, categories);
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	/**
	 * Rewrites the query once, for both the search and the highlighter, which would otherwise expand fuzzy and prefix
	 * terms again for every hit. Calls are found and counted with exact phrases on {@link WordPairs word pairs}, and
	 * counted without the clauses that cannot add a call ({@link CountedQuery}); the highlighter gets the phrases of
	 * words, whose offsets it reads. The total is read from the index when it has it (a word's number of calls);
	 * otherwise the page is collected with the query {@link CountedQuery#ranked ranked} for less work, counting as it
	 * goes, and the total is only counted apart if the matches were too many to count while collecting.
	 */
	private SearchResults search(IndexSearcher searcher, Query query, SearchQuery request,
			@Nullable Set<String> categories) throws IOException {
		Query rewritten = searcher.rewrite(query);
		boolean noSuchCategory = categories != null && request.filters().category() != null
				&& !request.filters().category().isBlank() && !categories.contains(request.filters().category());
		Query filtered = noSuchCategory ? new MatchNoDocsQuery("no category of that name")
				: SearchQueries.filtered(pairs(rewritten), request);
		int depth = (request.page() + 1) * request.size();
		boolean browsing = SearchQueries.isBrowsing(query);
		// browsing (every call, filtered) has no clause to leave out
		Query counted = (noSuchCategory || browsing) ? filtered
				: SearchQueries.filtered(pairs(CountedQuery.of(rewritten, this.analyzer)), request);
		// the same calls with the same scores, a clause that cannot add a call checked only where the others match
		// (the words as said of a word or proximity search, otherwise in every call saying them): for collecting
		// every match
		Supplier<Query> ranked = () -> noSuchCategory ? filtered
				: SearchQueries.filtered(pairs(CountedQuery.ranked(rewritten, this.analyzer)), request);
		TopDocs top;
		long total;
		Map<String, List<FacetCount>> facets = Map.of();
		long indexed = browsing ? -1 : indexedCount(searcher, counted);
		if (indexed >= 0) {
			// only the page: the disjunction skips the calls that cannot reach it better
			top = searcher.search(filtered, top(depth, false));
			total = indexed;
			if (request.facets()) {
				// every match counted apart, without scores: cheaper than scoring each to collect both at once
				facets = facets(searcher.search(counted, this.facetCounter), categories);
			}
		}
		else if (request.facets()) {
			Object[] results = searcher.search(ranked.get(),
					new MultiCollectorManager(top(depth, browsing), this.facetCounter));
			top = (TopDocs) results[0];
			FacetCounter.Counts counts = (FacetCounter.Counts) results[1];
			total = counts.calls();
			facets = facets(counts, categories);
		}
		else if (browsing) {
			top = searcher.search(filtered, top(depth, true));
			total = total(searcher, counted, top.totalHits);
		}
		else {
			top = searcher.search(ranked.get(), new TopScoreDocCollectorManager(depth,
					countedWhileCollecting(rewritten, searcher.getIndexReader().maxDoc(), depth)));
			total = total(searcher, counted, top.totalHits);
		}
		int from = Math.min(request.page() * request.size(), top.scoreDocs.length);
		ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
		List<SearchHit> hits = hits(searcher, withoutProhibited(rewritten), SearchQueries.highlightedSpeakers(query),
				page);
		return new SearchResults(total, request.page(), request.size(), hits, facets);
	}

	/**
	 * The query without its prohibited clauses, for the highlighter: a hit matches none of them (those of a nested
	 * query are kept, as they may have kept it from matching), and the highlighter would look for each in every hit. Worse, it looks for a speaker's words in the combined text, where another
	 * speaker may have said the excluded word: {@code said_by_customer:(refund -sorry)} found a call where the agent
	 * said sorry, then highlighted nothing in it.
	 */
	private static Query withoutProhibited(Query query) {
		if (!(query instanceof BooleanQuery bool) || bool.clauses().stream().noneMatch(BooleanClause::isProhibited)) {
			return query;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder()
			.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
		bool.clauses().stream().filter((clause) -> !clause.isProhibited()).forEach(builder::add);
		return builder.build();
	}

	private Query pairs(Query query) {
		return this.pairsIndexed ? WordPairs.rewrite(query, this.nearIndexed) : query;
	}

	/**
	 * The number of matching calls if it can be had without searching (a word's number of calls in every segment
	 * without deletions, a {@link PatternRewrite pattern}'s calls counted in a bit set), otherwise -1.
	 */
	private static long indexedCount(IndexSearcher searcher, Query counted) throws IOException {
		// the query's own weight, not the searcher's: its query cache would take this for a use of the query, and
		// again when searcher.count() counts it
		Weight weight = searcher.rewrite(counted).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
		long total = 0;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			int count = weight.count(leaf);
			if (count < 0) {
				return -1;
			}
			total += count;
		}
		return total;
	}

	/**
	 * How many matches the collector counts, when the index does not know the total: past them it skips the calls
	 * that cannot reach the page, and the total is counted apart in a second pass over the matches.
	 * <ul>
	 * <li>Every one for a proximity search: a sloppy phrase's score bound is too loose for the collector to skip many
	 * calls, and counting apart would check the positions of every call saying the words a second time.
	 * <li>No more than the page for an exact phrase: nearly every call saying its words in a row says it, the bound
	 * is tight, and scoring a common phrase's matches costs more than counting them apart (by word pairs).
	 * <li>Otherwise {@link #COUNTED_WHILE_COLLECTING} of the calls: that saves the second pass of a search with few
	 * matches (most filtered ones), and costs one with many only the scores of that many calls.
	 * </ul>
	 * Measured by SearchScaleBenchmark.
	 */
	private static int countedWhileCollecting(Query query, int maxDoc, int depth) {
		if (CountedQuery.requiresPhrase(query, true)) {
			return Integer.MAX_VALUE;
		}
		if (CountedQuery.requiresPhrase(query, false)) {
			return depth;
		}
		return Math.max(depth, (int) (maxDoc * COUNTED_WHILE_COLLECTING));
	}

	/**
	 * Collects the page's hits and counts only as far as it must ({@code depth}), which lets the collector skip
	 * calls that cannot reach the page; the exact total is counted apart when that leaves it a lower bound.
	 */
	private static CollectorManager<?, ? extends TopDocs> top(int depth, boolean browsing) {
		if (browsing) {
			return new TopFieldCollectorManager(NEWEST_FIRST, depth, depth);
		}
		return new TopScoreDocCollectorManager(depth, depth);
	}

	/** The collector's total when exact; otherwise every match counted, without scoring. */
	private static long total(IndexSearcher searcher, Query counted, TotalHits collected) throws IOException {
		if (collected.relation == TotalHits.Relation.EQUAL_TO) {
			return collected.value;
		}
		return searcher.count(counted);
	}

	/** Per facet, its most frequent values among the matching calls; a facet no matching call has is empty. */
	private static Map<String, List<FacetCount>> facets(FacetCounter.Counts counts, @Nullable Set<String> categories) {
		Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
		for (String field : FACETS) {
			// the category facet without the names no category has now (their calls not re-tagged yet)
			facets.put(field, counts.top(field, FACET_VALUES,
					(value) -> !field.equals(CATEGORY) || categories == null || categories.contains(value)));
		}
		List<FacetCount> bands = new ArrayList<>(
				counts.top(TranscriptFields.AUTO_SCORE_BAND, Integer.MAX_VALUE, (value) -> true));
		// the bands in their own order (worst first, then none) rather than by count: a scale reads in order
		bands.sort(java.util.Comparator.comparingInt((count) -> AutoScoreBands.LABELS.indexOf(count.value())));
		facets.put(AUTO_SCORE_FACET, bands);
		return facets;
	}

	/** Highlights with the user's query alone: filters have nothing to highlight. */
	private List<SearchHit> hits(IndexSearcher searcher, Query query, Predicate<String> speakers, ScoreDoc[] docs)
			throws IOException {
		if (docs.length == 0) {
			return List.of();
		}
		int[] docIds = Arrays.stream(docs).mapToInt((doc) -> doc.doc).toArray();
		List<TranscriptHighlighter.Hit> highlighted = TranscriptHighlighter
			.of(searcher, this.analyzer, fieldInfos(searcher.getIndexReader()), HIT_FIELDS)
			.highlight(query, docIds);
		List<SearchHit> hits = new ArrayList<>(docs.length);
		for (int i = 0; i < docs.length; i++) {
			Document document = highlighted.get(i).stored();
			hits.add(hit(document, docs[i].score, snippets(highlighted.get(i).passages(), document, speakers)));
		}
		return hits;
	}

	/** The reader's field infos merged from its segments, once per searcher generation rather than per search. */
	private FieldInfos fieldInfos(IndexReader reader) {
		ReaderFieldInfos cached = this.fieldInfos;
		if (cached == null || cached.reader() != reader) {
			cached = new ReaderFieldInfos(reader, FieldInfos.getMergedFieldInfos(reader));
			this.fieldInfos = cached;
		}
		return cached.fieldInfos();
	}

	private record ReaderFieldInfos(IndexReader reader, FieldInfos fieldInfos) {
	}

	/** A call without a transcript has no words, and no snippets. */
	private static List<Snippet> snippets(List<HighlightedPassage> passages, Document document,
			Predicate<String> speakers) throws IOException {
		if (document.getBinaryValue(WORDS) == null) {
			return List.of();
		}
		return Snippets.of(passages, WordTimes.decode(document.getBinaryValue(WORDS)), speakers);
	}

	/** Hits sorted by start time carry no score (NaN), reported as 0. */
	private static SearchHit hit(Document document, float score, List<Snippet> snippets) {
		return new SearchHit(Long.parseLong(document.get(CALL_ID)), Float.isNaN(score) ? 0f : score,
				document.get(AGENT), document.get(QUEUE), document.get(DIRECTION), document.get(CALLER),
				startedAt(document.getField(STARTED_AT)), document.getField(DURATION).numericValue().doubleValue(),
				document.get(OUTCOME), snippets, Boolean.parseBoolean(document.get(HAS_RECORDING)),
				qaScore(document.getField(QA_SCORE)), surveyScore(document.getField(SURVEY_SCORE)),
				Boolean.parseBoolean(document.get(CALLBACK_REQUESTED)),
				qaScore(document.getField(TranscriptFields.AUTO_SCORE)),
				Boolean.parseBoolean(document.get(TranscriptFields.AUTO_CRITICAL_FAILED)));
	}

	private static @Nullable Double qaScore(@Nullable IndexableField field) {
		return (field != null) ? field.numericValue().doubleValue() : null;
	}

	private static @Nullable Integer surveyScore(@Nullable IndexableField field) {
		return (field != null) ? field.numericValue().intValue() : null;
	}

	private static @Nullable Instant startedAt(@Nullable IndexableField field) {
		return (field != null) ? Instant.ofEpochMilli(field.numericValue().longValue()) : null;
	}

}
