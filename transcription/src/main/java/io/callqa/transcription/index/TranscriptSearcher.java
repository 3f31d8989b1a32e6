package io.callqa.transcription.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.jspecify.annotations.Nullable;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Snippet;

import static io.callqa.transcription.index.TranscriptFields.AGENT;
import static io.callqa.transcription.index.TranscriptFields.CALLER;
import static io.callqa.transcription.index.TranscriptFields.CALL_ID;
import static io.callqa.transcription.index.TranscriptFields.DIRECTION;
import static io.callqa.transcription.index.TranscriptFields.DURATION;
import static io.callqa.transcription.index.TranscriptFields.OUTCOME;
import static io.callqa.transcription.index.TranscriptFields.QUEUE;
import static io.callqa.transcription.index.TranscriptFields.STARTED_AT;
import static io.callqa.transcription.index.TranscriptFields.WORDS;

/**
 * Runs a {@link SearchQuery} on the current searcher: one page of hits, by score, or newest first when browsing.
 */
final class TranscriptSearcher {

	static final int MAX_SIZE = 100;

	/** Hits counted exactly, and the deepest hit a page may reach: deeper paging is better served by a filter. */
	static final int MAX_DEPTH = 10_000;

	private static final Sort NEWEST_FIRST = newestFirst();

	/** Everything but the text, which the highlighter loads itself. */
	private static final Set<String> HIT_FIELDS = Set.of(CALL_ID, AGENT, QUEUE, DIRECTION, CALLER, OUTCOME, STARTED_AT,
			DURATION, WORDS);

	private final SearcherManager searchers;

	private final Analyzer analyzer;

	TranscriptSearcher(SearcherManager searchers, Analyzer analyzer) {
		this.searchers = searchers;
		this.analyzer = analyzer;
	}

	private static Sort newestFirst() {
		SortField started = LongField.newSortField(STARTED_AT, true, SortedNumericSelector.Type.MAX);
		started.setMissingValue(Long.MIN_VALUE);
		return new Sort(started);
	}

	SearchResults search(SearchQuery request) {
		validate(request);
		try {
			return searchAcquired(SearchQueries.parse(request.text(), request.matching(), this.analyzer), request);
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

	private SearchResults searchAcquired(Query query, SearchQuery request) throws IOException {
		IndexSearcher searcher = this.searchers.acquire();
		try {
			return search(searcher, query, request);
		}
		finally {
			this.searchers.release(searcher);
		}
	}

	/**
	 * Rewrites the query once, for both the search and the highlighter, which would otherwise expand fuzzy and prefix
	 * terms again for every hit.
	 */
	private SearchResults search(IndexSearcher searcher, Query query, SearchQuery request) throws IOException {
		Query rewritten = searcher.rewrite(query);
		int depth = (request.page() + 1) * request.size();
		TopDocs top = top(searcher, SearchQueries.filtered(rewritten, request), depth, SearchQueries.isBrowsing(query));
		int from = Math.min(request.page() * request.size(), top.scoreDocs.length);
		ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
		List<SearchHit> hits = hits(searcher, rewritten, SearchQueries.highlightedSpeakers(query), page);
		return new SearchResults(top.totalHits.value, request.page(), request.size(), hits);
	}

	private static TopDocs top(IndexSearcher searcher, Query query, int depth, boolean browsing) throws IOException {
		if (browsing) {
			return searcher.search(query, new TopFieldCollectorManager(NEWEST_FIRST, depth, MAX_DEPTH));
		}
		return searcher.search(query, new TopScoreDocCollectorManager(depth, MAX_DEPTH));
	}

	/** Highlights with the user's query alone: filters have nothing to highlight. */
	private List<SearchHit> hits(IndexSearcher searcher, Query query, Predicate<String> speakers, ScoreDoc[] docs)
			throws IOException {
		if (docs.length == 0) {
			return List.of();
		}
		int[] docIds = Arrays.stream(docs).mapToInt((doc) -> doc.doc).toArray();
		List<List<HighlightedPassage>> passages = TranscriptHighlighter.of(searcher, this.analyzer)
			.highlight(query, docIds);
		StoredFields stored = searcher.storedFields();
		List<SearchHit> hits = new ArrayList<>(docs.length);
		for (int i = 0; i < docs.length; i++) {
			Document document = stored.document(docs[i].doc, HIT_FIELDS);
			hits.add(hit(document, docs[i].score, Snippets.of(passages.get(i), wordTimes(document), speakers)));
		}
		return hits;
	}

	private static WordTimes wordTimes(Document document) throws IOException {
		return WordTimes.decode(document.getBinaryValue(WORDS));
	}

	/** Hits sorted by start time carry no score (NaN), reported as 0. */
	private static SearchHit hit(Document document, float score, List<Snippet> snippets) {
		return new SearchHit(Long.parseLong(document.get(CALL_ID)), Float.isNaN(score) ? 0f : score,
				document.get(AGENT), document.get(QUEUE), document.get(DIRECTION), document.get(CALLER),
				startedAt(document.getField(STARTED_AT)), document.getField(DURATION).numericValue().doubleValue(),
				document.get(OUTCOME), snippets);
	}

	private static @Nullable Instant startedAt(@Nullable IndexableField field) {
		return (field != null) ? Instant.ofEpochMilli(field.numericValue().longValue()) : null;
	}

}
