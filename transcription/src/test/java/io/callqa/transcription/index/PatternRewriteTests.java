package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Transcript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patterns over spelled words (prefix, wildcard, regular expression, range) are counted by {@link PatternRewrite}'s
 * bit sets: property-style, on generated calls of which some were replaced (deleted documents in an older segment),
 * the count equals the calls found, alone and inside larger queries, and a search's total is the count.
 */
class PatternRewriteTests {

	private static final String[] VOCABULARY = ("refund refunds refunded reference deliver delivery delivered deli "
			+ "cancel cancelled canceling can cannot order orders ordered account accounts the my you today").split(" ");

	private final Analyzer analyzer = new TranscriptAnalyzer();

	@TempDir
	Path dir;

	@Test
	void countWhenPatternShouldBeTheCallsItFindsLessDeletedOnes() throws IOException {
		int countedByBits = 0;
		for (long seed : new long[] { 1, 2, 3, 2026 }) {
			Random random = new Random(seed);
			try (TranscriptIndex index = TranscriptIndex.open(this.dir.resolve("seed-" + seed))) {
				for (int id = 1; id <= 60; id++) {
					index.index(call(id, random));
				}
				index.commit(1);
				// a few, so that no merge takes the deletions away
				for (int id = 1 + random.nextInt(10); id <= 60; id += 10 + random.nextInt(10)) {
					index.index(call(id, random));
				}
				index.commit(2);
				int deleted = index.read((searcher) -> searcher.getIndexReader().numDeletedDocs());
				assertThat(deleted).as("replaced calls left deleted documents")
					.isPositive();
				for (int q = 0; q < 100; q++) {
					String text = randomQuery(random);
					Query parsed = SearchQueries.parse(text, Matching.values()[random.nextInt(3)], this.analyzer);
					String where = "seed " + seed + " query " + text;
					int found = index.read((searcher) -> callIds(searcher, searcher.rewrite(parsed)).size());
					int counted = index.read((searcher) -> searcher.count(parsed));
					assertThat(counted).as(where).isEqualTo(found);
					if (index.read((searcher) -> countedByLeaves(searcher, parsed))) {
						countedByBits++;
					}
					SearchResults results = index.search(new SearchQuery(text, Matching.STEMMED, SearchFilters.none(),
							null, 0, 5, false));
					long stemmed = index.read((searcher) -> callIds(searcher,
							searcher.rewrite(SearchQueries.parse(text, Matching.STEMMED, this.analyzer))).size());
					assertThat(results.total()).as(where).isEqualTo(stemmed);
				}
			}
		}
		assertThat(countedByBits).as("patterns alone, counted without a search").isGreaterThan(100);
	}

	@Test
	void searchWhenPrefixShouldHighlightEachWordItMatches() throws IOException {
		try (TranscriptIndex index = TranscriptIndex.open(this.dir.resolve("highlight"))) {
			index.index(TestCalls.call(1, "alice", "support", "2026-01-10T09:00:00Z", 60, new Transcript(1, 9.0,
					List.of(TestCalls.said("customer", 0.5, "my delivery was not delivered")))));
			index.index(TestCalls.call(2, "alice", "support", "2026-01-10T10:00:00Z", 60, new Transcript(2, 9.0,
					List.of(TestCalls.said("customer", 0.5, "a refund please")))));
			index.commit(1);
			SearchResults results = index
				.search(new SearchQuery("deliver*", Matching.STEMMED, SearchFilters.none(), null, 0, 10, false));
			assertThat(results.total()).isEqualTo(1);
			assertThat(results.hits().get(0).snippets().get(0).html()).contains("<em>delivery</em>",
					"<em>delivered</em>");
		}
	}

	/** Whether every segment counted the query without searching it (a pattern alone). */
	private static boolean countedByLeaves(IndexSearcher searcher, Query parsed) throws IOException {
		Weight weight = searcher.rewrite(parsed).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			if (weight.count(leaf) < 0) {
				return false;
			}
		}
		return true;
	}

	private static Set<Long> callIds(IndexSearcher searcher, Query query) throws IOException {
		Set<Long> ids = new TreeSet<>();
		for (ScoreDoc doc : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
			ids.add(Long.parseLong(searcher.storedFields().document(doc.doc).get(TranscriptFields.CALL_ID)));
		}
		return ids;
	}

	/** A pattern alone (mostly), or with a word, a negation or another pattern. */
	private static String randomQuery(Random random) {
		String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
		String pattern = switch (random.nextInt(5)) {
			case 0, 1 -> word.substring(0, 1 + random.nextInt(word.length())) + "*";
			case 2 -> word.charAt(0) + "?" + word.substring(Math.min(2, word.length())) + "*";
			case 3 -> "/" + word.substring(0, Math.min(3, word.length())) + ".*/";
			default -> "[c TO o]";
		};
		String other = VOCABULARY[random.nextInt(VOCABULARY.length)];
		return switch (random.nextInt(6)) {
			case 0 -> pattern + " " + other;
			case 1 -> pattern + " -" + other;
			case 2 -> pattern + " OR " + other.charAt(0) + "*";
			default -> pattern;
		};
	}

	private static IndexedCall call(long id, Random random) {
		List<String> words = new ArrayList<>();
		for (int w = 1 + random.nextInt(8); w > 0; w--) {
			words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
		}
		return TestCalls.call(id, "alice", "support", "2026-01-10T09:00:00Z", 60,
				new Transcript(id, 9.0, List.of(TestCalls.said("customer", 0.5, String.join(" ", words)))));
	}

}
