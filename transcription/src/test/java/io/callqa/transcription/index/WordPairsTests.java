package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Snippet;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact phrases on the stemmed text are found by word pairs ({@link WordPairs}): property-style, on generated
 * transcripts over a small vocabulary (inflections that share a stem, possessives, repeats), a random phrase finds
 * exactly the calls the phrase of words finds, in every matching mode and inside larger queries; a failure names its
 * seed and query.
 */
class WordPairsTests {

	/** Few words, so they repeat; "orders", "ordered" and "order" share a stem, as do "customer's" and "customer". */
	private static final String[] VOCABULARY = ("i will call you back order orders ordered the refund customer's "
			+ "customer account delivery deliveries cancel cancelled my not today").split(" ");

	private static final long[] SEEDS = { 1, 2, 3, 4, 5, 42, 2026 };

	private static final int CALLS = 40;

	private static final int QUERIES = 200;

	private final Analyzer analyzer = new TranscriptAnalyzer();

	@TempDir
	Path dir;

	@Test
	void phraseWhenRewrittenToPairsShouldMatchTheSameCalls() throws IOException {
		int[] rewritten = { 0 };
		onEverySeed("seed", (index, random, calls, seed) -> {
			String text = randomQuery(random, calls);
			Matching matching = Matching.values()[random.nextInt(Matching.values().length)];
			Query parsed = SearchQueries.parse(text, matching, this.analyzer);
			String where = seed + ", " + matching + " query " + text;
			Set<Long> byWords = index.read((searcher) -> callIds(searcher, searcher.rewrite(parsed)));
			Set<Long> byPairs = index.read((searcher) -> {
				Query pairs = WordPairs.rewrite(searcher.rewrite(parsed));
				return callIds(searcher, pairs);
			});
			assertThat(byPairs).as(where).isEqualTo(byWords);
			Set<Long> counted = index.read((searcher) -> {
				Query query = searcher.rewrite(parsed);
				return callIds(searcher, WordPairs.rewrite(CountedQuery.of(query, this.analyzer)));
			});
			assertThat(counted).as("counted, " + where).isEqualTo(byWords);
			if (!WordPairs.rewrite(parsed).equals(parsed)) {
				rewritten[0]++;
			}
		});
		assertThat(rewritten[0]).as("queries searched by pairs").isGreaterThan(SEEDS.length * QUERIES / 4);
	}

	/**
	 * A proximity search of two to four words by near pairs finds the same calls as the phrase alone, at every slop
	 * (within the pairs' window, at its edge and past it), in either order, with words of which some make no pair, a
	 * word twice, and inside larger queries; of three words or more, which keep their phrase (slop 0 aside: a triple or
	 * pairs), with the same scores.
	 */
	@Test
	void proximityWhenByNearPairsShouldFindTheSameCalls() throws IOException {
		int[] byPairs = { 0 };
		int[] byPairsAlone = { 0 };
		onEverySeed("near", (index, random, calls, seed) -> {
			List<String> words = new ArrayList<>();
			for (int w = (random.nextInt(3) == 0) ? 2 + random.nextInt(3) : 2; w > 0; w--) {
				words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
			}
			int slop = random.nextInt(WordPairs.NEAR_WINDOW + 2);
			String proximity = "\"" + String.join(" ", words) + "\"~" + slop;
			String text = switch (random.nextInt(4)) {
				case 0 -> proximity + " AND NOT " + VOCABULARY[random.nextInt(VOCABULARY.length)];
				case 1 -> proximity + " OR " + VOCABULARY[random.nextInt(VOCABULARY.length)];
				default -> proximity;
			};
			Matching matching = Matching.values()[random.nextInt(Matching.values().length)];
			Query parsed = SearchQueries.parse(text, matching, this.analyzer);
			String where = seed + ", " + matching + " query " + text;
			Query near = WordPairs.rewrite(parsed, true);
			Map<Long, Float> byPositions = index.read((searcher) -> scores(searcher,
					WordPairs.rewrite(searcher.rewrite(parsed), false)));
			Map<Long, Float> byNearPairs = index.read((searcher) -> scores(searcher,
					WordPairs.rewrite(searcher.rewrite(parsed), true)));
			assertThat(byNearPairs.keySet()).as(where + " as " + near).isEqualTo(byPositions.keySet());
			Map<Long, Float> ranked = index.read((searcher) -> scores(searcher,
					WordPairs.rewrite(CountedQuery.ranked(searcher.rewrite(parsed), this.analyzer), true)));
			assertThat(ranked.keySet()).as("ranked, " + where).isEqualTo(byPositions.keySet());
			if (words.size() > 2 && slop > 0) {
				assertThat(byNearPairs).as(where + " as " + near).isEqualTo(byPositions);
			}
			if (!near.equals(WordPairs.rewrite(parsed, false))) {
				byPairs[0]++;
				if (!near.toString().contains("text:\"")) {
					byPairsAlone[0]++;
				}
			}
		});
		assertThat(byPairs[0]).as("proximity searches by near pairs").isGreaterThan(SEEDS.length * QUERIES / 5);
		assertThat(byPairsAlone[0]).as("proximity searches by near pairs alone")
			.isGreaterThan(SEEDS.length * QUERIES / 10);
	}

	/** One query on generated calls, with the random numbers that made them; {@code seed} names the seed. */
	@FunctionalInterface
	private interface GeneratedQuery {

		void check(TranscriptIndex index, Random random, List<List<String>> calls, String seed) throws IOException;

	}

	/** {@link #QUERIES} queries on the calls generated from each of {@link #SEEDS}, each seed's in an index of its own. */
	private void onEverySeed(String name, GeneratedQuery query) throws IOException {
		for (long seed : SEEDS) {
			Random random = new Random(seed);
			List<List<String>> calls = generate(random);
			try (TranscriptIndex index = indexed(TranscriptIndex.open(this.dir.resolve(name + "-" + seed)), calls)) {
				for (int q = 0; q < QUERIES; q++) {
					query.check(index, random, calls, "seed " + seed);
				}
			}
		}
	}

	@Test
	void rewriteWhenProximityOfTwoWordsWithinTheWindowShouldSearchTheirNearPairs() {
		assertThat(WordPairs.rewrite(new PhraseQuery(5, TranscriptFields.TEXT, "refund", "order")).toString())
			.as("order up to 6 words after refund, up to 4 before")
			.isEqualTo("text_nearby:refund <6 4> order");
		assertThat(WordPairs.rewrite(new PhraseQuery(1, TranscriptFields.TEXT, "call", "you")).toString())
			.as("a skipped word with another")
			.isEqualTo("text_nearby:call <2 0> you");
		assertThat(WordPairs.rewrite(SearchQueries.parse("\"cancelled orders\"~3", this.analyzer)).toString())
			.isEqualTo("text_nearby:cancel <4 2> order exact:\"cancelled orders\"~3");
		assertThat(WordPairs.rewrite(CountedQuery.ranked(SearchQueries.parse("\"cancelled orders\"~3", this.analyzer),
				this.analyzer)).toString())
			.as("ranked: the words as said only score, as two words")
			.isEqualTo("+text_nearby:cancel <4 2> order (+exact:cancelled +exact:orders)");
		// more words: every two, as near as they must be where the phrase matches (distance in the query and slop)
		assertThat(WordPairs.rewrite(new PhraseQuery(3, TranscriptFields.TEXT, "refund", "next", "week")).toString())
			.isEqualTo("+text:\"refund next week\"~3 #text_nearby:next <4 2> week #text_nearby:refund <4 2> next"
					+ " #text_nearby:refund <5 1> week");
		assertThat(WordPairs.rewrite(new PhraseQuery(4, TranscriptFields.TEXT, "it", "was", "back")).toString())
			.as("two skipped words in no pair")
			.isEqualTo("+text:\"it was back\"~4 #text_nearby:it <6 2> back #text_nearby:was <5 3> back");
		assertThat(WordPairs.rewrite(new PhraseQuery(2, TranscriptFields.TEXT, "order", "refund", "order")).toString())
			.as("a stem twice: its pairs with the other, none with itself")
			.isEqualTo("+text:\"order refund order\"~2 #text_nearby:order <3 1> refund"
					+ " #text_nearby:refund <3 1> order");
		List<Query> kept = List.of(new PhraseQuery(WordPairs.NEAR_WINDOW, TranscriptFields.TEXT, "refund", "order"),
				new PhraseQuery(3, TranscriptFields.TEXT, "it", "was"),
				new PhraseQuery(3, TranscriptFields.TEXT, "order", "order"),
				new PhraseQuery(5, TranscriptFields.TEXT, "it", "was", "the"),
				new PhraseQuery(3, TranscriptFields.speaker("agent"), "refund", "order"),
				new PhraseQuery(3, TranscriptFields.EXACT, "refund", "order"));
		for (Query query : kept) {
			assertThat(WordPairs.rewrite(query)).as(query.toString()).isSameAs(query);
		}
	}

	/**
	 * Near pairs: each ordered pair of different stems within the window once, with the nearest distance and how many
	 * times; skipped words (the, my) in none with each other but counted in the distance.
	 */
	@Test
	void nearPairsShouldJoinTheStemsWithinTheWindowInTheirOrder() throws IOException {
		assertThat(nearPairs("cancel my orders cancel")).containsExactlyInAnyOrder("cancel my 1x1", "cancel order 2x1",
				"my order 1x1", "my cancel 2x1", "order cancel 1x1");
		assertThat(nearPairs("refund the the delivery the refund")).containsExactlyInAnyOrder("refund the 1x3",
				"refund deliv 3x1", "the deliv 1x2", "the refund 1x3", "deliv the 1x1", "deliv refund 2x1");
		assertThat(nearPairs("refund the the the the the the delivery")).containsExactlyInAnyOrder("refund the 1x6",
				"the deliv 1x6");
		assertThat(nearPairs("refund " + "order ".repeat(NearPairsFilter.MAX_TIMES + 5)))
			.containsExactlyInAnyOrder("refund order 1x6");
		assertThat(nearPairs(("refund order ").repeat(NearPairsFilter.MAX_TIMES))).hasSize(2)
			.allMatch((pair) -> pair.endsWith("x" + NearPairsFilter.MAX_TIMES));
	}

	/** Each near pair as "a b {distance}x{times}". */
	private List<String> nearPairs(String text) throws IOException {
		List<String> pairs = new ArrayList<>();
		try (org.apache.lucene.analysis.TokenStream stream = this.analyzer.tokenStream(TranscriptFields.TEXT_NEAR,
				text)) {
			org.apache.lucene.analysis.tokenattributes.CharTermAttribute term = stream
				.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute frequency = stream
				.addAttribute(org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				int encoded = frequency.getTermFrequency();
				pairs.add(term + " " + NearPairsFilter.distance(encoded) + "x" + NearPairsFilter.times(encoded));
			}
			stream.end();
		}
		return pairs;
	}

	/** Every call found, with its score. */
	private static Map<Long, Float> scores(IndexSearcher searcher, Query query) throws IOException {
		Map<Long, Float> scores = new TreeMap<>();
		for (ScoreDoc doc : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
			scores.put(Long.parseLong(searcher.storedFields().document(doc.doc).get(TranscriptFields.CALL_ID)),
					doc.score);
		}
		return scores;
	}

	/**
	 * The same calls indexed as version 3 (phrases by pairs) and as version 2 (phrases by positions, as while a v2
	 * index is rebuilt) give the same hits, totals and snippets: the highlighter still sees the phrase of words.
	 */
	@Test
	void searchWhenPairsShouldAnswerAsThePhraseOfWords() throws IOException {
		Random random = new Random(7);
		List<List<String>> calls = generate(random);
		try (TranscriptIndex pairs = indexed(TranscriptIndex.open(this.dir.resolve("v3")), calls);
				TranscriptIndex words = indexed(TranscriptIndex.open(this.dir.resolve("v2"), 2), calls)) {
			assertThat(pairs.version()).isEqualTo(TranscriptIndex.VERSION);
			assertThat(words.version()).isEqualTo(2);
			for (int q = 0; q < 100; q++) {
				String text = randomQuery(random, calls);
				for (int size : new int[] { 1, 100 }) {
					SearchQuery query = new SearchQuery(text, Matching.STEMMED, SearchFilters.none(), null, 0, size,
							false);
					SearchResults byPairs = pairs.search(query);
					SearchResults byWords = words.search(query);
					assertThat(byPairs.total()).as(text).isEqualTo(byWords.total());
					if (size == 100) {
						assertThat(snippets(byPairs)).as(text).isEqualTo(snippets(byWords));
						byPairs.hits().forEach((hit) -> assertThat(hit.snippets()).as(text).isNotEmpty());
					}
				}
			}
		}
	}

	/**
	 * An index of version 6 keeps taking new calls while the current version is rebuilt beside it: its near pairs were
	 * indexed with calls only, and a field cannot change how it is indexed within an index, so version 7's near pairs
	 * (with frequencies) have a name of their own. Searched as version 6 is, by pairs and positions.
	 */
	@Test
	void indexWhenIndexOfVersionSixShouldKeepTakingCalls() throws IOException {
		Path dir = this.dir.resolve("v6");
		try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(dir);
				org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(directory,
						new org.apache.lucene.index.IndexWriterConfig(this.analyzer))) {
			org.apache.lucene.document.FieldType callsOnly = new org.apache.lucene.document.FieldType(
					org.apache.lucene.document.TextField.TYPE_NOT_STORED);
			callsOnly.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS);
			callsOnly.setOmitNorms(true);
			org.apache.lucene.document.Document old = new org.apache.lucene.document.Document();
			old.add(new org.apache.lucene.document.KeywordField(TranscriptFields.CALL_ID, "99",
					org.apache.lucene.document.Field.Store.YES));
			old.add(new org.apache.lucene.document.Field("text_near", "order refund", callsOnly));
			writer.addDocument(old);
			writer.setLiveCommitData(Map.of(TranscriptIndex.OUTBOX_SEQ, "1", TranscriptIndex.INDEX_VERSION, "6")
				.entrySet());
			writer.commit();
		}
		List<List<String>> calls = List.of(List.of("i will call you back today", "refund my order"));
		try (TranscriptIndex index = indexed(TranscriptIndex.open(dir), calls)) {
			assertThat(index.version()).isEqualTo(6);
			for (String text : List.of("\"call you back\"", "\"refund order\"~3", "\"call back today\"~2")) {
				assertThat(index.search(new SearchQuery(text, Matching.STEMMED, SearchFilters.none(), null, 0, 10,
						false)).total()).as(text).isEqualTo(1);
			}
		}
	}

	@Test
	void rewriteWhenExactPhraseOnTextShouldSearchPairs() {
		assertThat(WordPairs.rewrite(new PhraseQuery(TranscriptFields.TEXT, "call", "you")))
			.isEqualTo(new TermQuery(new Term(TranscriptFields.TEXT_PAIRS, "call you")));
		assertThat(WordPairs.rewrite(new PhraseQuery(TranscriptFields.TEXT, "call", "you", "back")))
			.isEqualTo(new TermQuery(new Term(TranscriptFields.TEXT_TRIPLES, "call you back")));
		assertThat(WordPairs.rewrite(new PhraseQuery(TranscriptFields.TEXT, "call", "you", "back", "today")).toString())
			.isEqualTo("+text_pairs:\"call you you back back today\" #text_triples:call you back"
					+ " #text_triples:you back today");
		assertThat(WordPairs.rewrite(new PhraseQuery(TranscriptFields.TEXT, "call", "you", "back"), false))
			.as("an index without triples")
			.isEqualTo(new PhraseQuery(TranscriptFields.TEXT_PAIRS, "call you", "you back"));
		assertThat(SearchQueries.parse("\"call you back\" refund", Matching.EXACT, this.analyzer).toString())
			.isEqualTo("+exact:\"call you back\" +exact:refund");
		assertThat(WordPairs.rewrite(SearchQueries.parse("\"cancelled orders\" refund", this.analyzer)).toString())
			.isEqualTo("+(text_pairs:cancel order exact:\"cancelled orders\") +(text:refund exact:refund)");
	}

	@Test
	void countedWhenStemmedShouldLeaveOutTheWordsAsSaid() {
		assertThat(CountedQuery.of(SearchQueries.parse("\"cancelled orders\" refund -delivery", this.analyzer),
				this.analyzer)
			.toString()).isEqualTo("+text:\"cancel order\" +text:refund -text:deliv");
		assertThat(CountedQuery.of(SearchQueries.parse("said_by_agent:\"call back\"~2", this.analyzer), this.analyzer)
			.toString()).isEqualTo("said_by_agent:\"call back\"~2");
		Query tolerant = SearchQueries.parse("\"refund order\"", Matching.TOLERANT, this.analyzer);
		assertThat(CountedQuery.of(tolerant, this.analyzer).toString())
			.isEqualTo("text:\"refund order\" (alts:\"refund order\")^0.5 (sounds:\"RFNT ARTR\")^0.3");
		Query exact = SearchQueries.parse("\"refund order\"", Matching.EXACT, this.analyzer);
		assertThat(CountedQuery.of(exact, this.analyzer)).isSameAs(exact);
	}

	/** By neighbour pairs, that is (a proximity search is left alone only without near pairs). */
	@Test
	void rewriteWhenNotAnExactPhraseOfNeighboursOnTextShouldKeepIt() {
		List<Query> kept = List.of(new PhraseQuery(1, TranscriptFields.TEXT, "call", "back"),
				new PhraseQuery(TranscriptFields.TEXT, "call"),
				new PhraseQuery(TranscriptFields.EXACT, "call", "you"),
				new PhraseQuery(TranscriptFields.speaker("agent"), "call", "you"),
				new PhraseQuery.Builder().add(new Term(TranscriptFields.TEXT, "call"), 0)
					.add(new Term(TranscriptFields.TEXT, "back"), 2)
					.build());
		for (Query query : kept) {
			assertThat(WordPairs.rewrite(query, false)).as(query.toString()).isSameAs(query);
		}
	}

	private static Set<Long> callIds(IndexSearcher searcher, Query query) throws IOException {
		Set<Long> ids = new TreeSet<>();
		for (ScoreDoc doc : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
			ids.add(Long.parseLong(searcher.storedFields().document(doc.doc).get(TranscriptFields.CALL_ID)));
		}
		return ids;
	}

	/** Per call found, its snippets (with their match times). */
	private static Map<Long, List<Snippet>> snippets(SearchResults results) {
		Map<Long, List<Snippet>> snippets = new TreeMap<>();
		results.hits().forEach((hit) -> snippets.put(hit.callId(), hit.snippets()));
		return snippets;
	}

	private static TranscriptIndex indexed(TranscriptIndex index, List<List<String>> calls) throws IOException {
		for (int id = 0; id < calls.size(); id++) {
			index.index(TestCalls.call(id + 1, "alice", "support", "2026-01-10T09:00:00Z", 600,
					transcript(id + 1, calls.get(id))));
		}
		index.commit(calls.size());
		return index;
	}

	/** Each call is a list of utterances of 1 to 12 words. */
	private static List<List<String>> generate(Random random) {
		List<List<String>> calls = new ArrayList<>();
		for (int c = 0; c < CALLS; c++) {
			List<String> utterances = new ArrayList<>();
			int count = 1 + random.nextInt(10);
			for (int u = 0; u < count; u++) {
				List<String> words = new ArrayList<>();
				int length = 1 + random.nextInt(12);
				for (int w = 0; w < length; w++) {
					words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
				}
				utterances.add(String.join(" ", words));
			}
			calls.add(utterances);
		}
		return calls;
	}

	private static Transcript transcript(long callId, List<String> utterances) {
		List<Utterance> said = new ArrayList<>();
		double at = 0.5;
		for (int u = 0; u < utterances.size(); u++) {
			Utterance utterance = TestCalls.said((u % 2 == 0) ? "agent" : "customer", at, utterances.get(u));
			said.add(utterance);
			at = utterance.end() + 1.0;
		}
		return new Transcript(callId, at, said);
	}

	/**
	 * A phrase of 2 to 4 words, said in a call (across utterances too) or drawn at random, alone or within a larger
	 * query, on the text or on a speaker's words.
	 */
	private static String randomQuery(Random random, List<List<String>> calls) {
		String phrase;
		if (random.nextBoolean()) {
			List<String> words = List.of(String.join(" ", calls.get(random.nextInt(calls.size()))).split(" "));
			int at = random.nextInt(words.size());
			phrase = String.join(" ", words.subList(at, Math.min(words.size(), at + 2 + random.nextInt(3))));
		}
		else {
			List<String> words = new ArrayList<>();
			for (int i = 2 + random.nextInt(3); i > 0; i--) {
				words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
			}
			phrase = String.join(" ", words);
		}
		String other = VOCABULARY[random.nextInt(VOCABULARY.length)];
		return switch (random.nextInt(6)) {
			case 0, 1, 2 -> '"' + phrase + '"';
			case 3 -> '"' + phrase + "\" AND NOT " + other;
			case 4 -> '"' + phrase + "\" OR \"" + other + ' ' + phrase + '"';
			default -> "said_by_agent:\"" + phrase + "\" OR \"" + phrase + "\"~1";
		};
	}

}
