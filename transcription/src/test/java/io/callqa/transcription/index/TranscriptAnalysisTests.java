package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.MatchTime;
import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.Snippet;
import io.callqa.transcription.Word;

import static io.callqa.transcription.index.TestCalls.call;
import static io.callqa.transcription.index.TestCalls.said;
import static io.callqa.transcription.index.TestCalls.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for the forms in which words are matched: stems by default, the words as said ({@code exact:} fields and
 * {@link Matching#EXACT}), and how they sound ({@link Matching#TOLERANT}), over a real index of the calls below.
 */
class TranscriptAnalysisTests {

	@TempDir
	Path dir;

	TranscriptIndex index;

	@BeforeEach
	void indexCalls() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
		for (IndexedCall call : calls()) {
			this.index.index(call);
		}
		this.index.commit(6);
	}

	private static List<IndexedCall> calls() {
		return List.of(
				call(1, "alice", "support", "2026-01-10T09:00:00Z", 60, transcript(1,
						said("customer", 1.0, "i want a refund for my order"),
						said("agent", 5.0, "the refund is on its way"))),
				call(2, "alice", "support", "2026-01-11T09:00:00Z", 60, transcript(2,
						said("customer", 1.0, "were the refunds sent before the delivery"),
						said("agent", 5.0, "yes both refunds were sent"))),
				call(3, "bob", "billing", "2026-01-12T09:00:00Z", 60, transcript(3,
						said("agent", 1.0, "we refunded the charges yesterday"),
						said("customer", 5.0, "i will call you back about the bills"))),
				call(4, "bob", "billing", "2026-01-13T09:00:00Z", 60, transcript(4,
						said("customer", 1.0, "i cancelled my orders last week"),
						said("agent", 5.0, "the cancellation is done please call me back"))),
				// what the recognizer might make of call 6
				call(5, "carol", "sales", "2026-01-14T09:00:00Z", 60, transcript(5,
						said("customer", 1.0, "i want to council my subscription"),
						said("agent", 5.0, "i will send a resit link"))),
				call(6, "carol", "sales", "2026-01-15T09:00:00Z", 60, transcript(6,
						said("customer", 1.0, "i want to cancel my subscription"),
						said("agent", 5.0, "i will send a reset link"))));
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void searchWhenWordShouldFindItsOtherFormsByDefault() {
		assertThat(ids("refund")).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(ids("refunds")).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(ids("bill")).containsExactly(3L);
		assertThat(ids("cancel")).containsExactlyInAnyOrder(4L, 6L);
		assertThat(ids("orders")).containsExactlyInAnyOrder(1L, 4L);
	}

	/** Porter2 joins cancellation with cancel (KStem does not); delivery is joined with deliver by hand. */
	@Test
	void searchWhenDerivationShouldFindItsWord() {
		assertThat(ids("cancellation")).containsExactlyInAnyOrder(4L, 6L);
		assertThat(matches(hit("cancelled", 4))).extracting(MatchTime::words)
			.containsExactly("cancelled", "cancellation");
		assertThat(ids("deliver")).containsExactly(2L);
		assertThat(ids("delivered")).containsExactly(2L);
	}

	@Test
	void searchWhenCallSaysTheWordsTypedShouldRankItFirst() {
		assertThat(ids("refunds").get(0)).isEqualTo(2L);
		assertThat(ids("refund").get(0)).isEqualTo(1L);
	}

	@Test
	void searchWhenPhraseShouldMatchOtherFormsOfItsWordsInOrder() {
		assertThat(ids("\"cancel my order\"")).containsExactly(4L);
		assertThat(ids("\"refund the charge\"")).containsExactly(3L);
		assertThat(ids("\"order my cancel\"")).isEmpty();
	}

	@Test
	void searchWhenProximityShouldCountPositionsOfStems() {
		assertThat(ids("\"refunds sent\"~1")).containsExactly(2L);
		assertThat(ids("\"refund sent\"~0")).containsExactly(2L);
		assertThat(ids("\"refund charge\"~0")).isEmpty();
		assertThat(ids("\"refund charge\"~1")).containsExactly(3L);
	}

	/** No stop words are dropped: "you" and "me" keep their positions, so "call back" is not "call you back". */
	@Test
	void searchWhenPhraseHasCommonWordsShouldKeepThem() {
		assertThat(ids("\"call you back\"")).containsExactly(3L);
		assertThat(ids("\"call me back\"")).containsExactly(4L);
		assertThat(ids("\"call back\"")).isEmpty();
		assertThat(ids("\"call back\"~1")).containsExactlyInAnyOrder(3L, 4L);
	}

	@Test
	void searchWhenStemMatchesShouldHighlightTheWordsSaidAtTheirSecond() {
		List<MatchTime> matches = matches(hit("refund", 2));
		assertThat(matches).extracting(MatchTime::words).containsExactly("refunds", "refunds");
		assertThat(matches).extracting(MatchTime::form).containsOnly(MatchTime.STEM);
		assertThat(matches.get(0).startSec()).isEqualTo(word(2, "refunds", 0).start());
		assertThat(matches.get(1).endSec()).isEqualTo(word(2, "refunds", 1).end());
		Snippet snippet = hit("refund", 3).snippets().get(0);
		assertThat(snippet.html()).contains("<em>refunded</em>");
	}

	@Test
	void searchWhenWordsTypedMatchShouldSayExact() {
		assertThat(matches(hit("refund", 1))).extracting(MatchTime::form).containsOnly(MatchTime.EXACT);
		assertThat(matches(hit("\"call you back\"", 3))).extracting(MatchTime::words, MatchTime::form)
			.containsExactly(tuple("call you back", MatchTime.EXACT));
	}

	@Test
	void searchWhenExactFieldShouldMatchOnlyTheWordsAsSaid() {
		assertThat(ids("exact:refund")).containsExactly(1L);
		assertThat(ids("exact:refunds")).containsExactly(2L);
		assertThat(ids("exact:\"refund the charges\"")).isEmpty();
		assertThat(ids("exact:\"refunded the charges\"")).containsExactly(3L);
		assertThat(ids("exact:cancel OR exact:cancelled")).containsExactlyInAnyOrder(4L, 6L);
	}

	@Test
	void searchWhenExactFieldMatchesShouldHighlightItInTheText() {
		MatchTime match = matches(hit("exact:\"call me back\"", 4)).get(0);
		assertThat(match.words()).isEqualTo("call me back");
		assertThat(match.form()).isEqualTo(MatchTime.EXACT);
		assertThat(match.startSec()).isEqualTo(word(4, "call", 0).start());
		assertThat(match.endSec()).isEqualTo(word(4, "back", 0).end());
		assertThat(hit("exact:refunds", 2).snippets().get(0).html()).contains("<em>refunds</em>");
	}

	@Test
	void searchWhenSpeakerExactFieldShouldMatchOnlyWhatThatSpeakerSaidAsSaid() {
		assertThat(ids("said_by_agent_exact:refunds")).containsExactly(2L);
		assertThat(ids("said_by_agent_exact:refund")).containsExactly(1L);
		assertThat(ids("said_by_customer_exact:refund")).containsExactly(1L);
		assertThat(ids("said_by_customer:refund")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(matches(hit("said_by_agent_exact:refunds", 2))).extracting(MatchTime::speaker).containsOnly("agent");
	}

	@Test
	void searchWhenMatchingIsExactShouldMatchTheWordsAsTyped() {
		assertThat(ids("refund", Matching.EXACT)).containsExactly(1L);
		assertThat(ids("\"cancel my order\"", Matching.EXACT)).isEmpty();
		assertThat(ids("said_by_agent:refunds", Matching.EXACT)).containsExactly(2L);
		assertThat(ids("said_by_customer:refunds", Matching.EXACT)).containsExactly(2L);
		assertThat(ids("refun*", Matching.EXACT)).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(matches(hit("refunds", Matching.EXACT, 2))).extracting(MatchTime::form).containsOnly(MatchTime.EXACT);
	}

	@Test
	void searchWhenTolerantShouldAlsoFindWordsThatSoundAlike() {
		assertThat(ids("cancel")).containsExactlyInAnyOrder(4L, 6L);
		assertThat(ids("cancel", Matching.TOLERANT)).containsExactly(6L, 4L, 5L);
		assertThat(ids("\"reset link\"")).containsExactly(6L);
		assertThat(ids("\"reset link\"", Matching.TOLERANT)).containsExactly(6L, 5L);
		assertThat(ids("\"cancel subscription\"~1", Matching.TOLERANT)).containsExactly(6L, 5L);
		// the customer's "cancelled" of call 4 sounds like council too
		assertThat(ids("said_by_customer:council", Matching.TOLERANT).get(0)).isEqualTo(5L);
		assertThat(ids("said_by_customer:council", Matching.TOLERANT)).containsExactlyInAnyOrder(5L, 6L, 4L);
		assertThat(ids("said_by_agent:subscription", Matching.TOLERANT)).isEmpty();
		// "sent" and "send" share the short code SNT, as too many words do: a single word is not matched by it
		assertThat(ids("sent", Matching.TOLERANT)).containsExactly(2L);
		assertThat(ids("sounds:sent")).containsExactlyInAnyOrder(2L, 5L, 6L);
	}

	@Test
	void searchWhenTolerantShouldScoreASoundAlikeBelowTheWordsSaid() {
		List<SearchHit> hits = this.index.search(SearchQuery.of("\"reset link\"").with(Matching.TOLERANT)).hits();
		assertThat(hits).extracting(SearchHit::callId).containsExactly(6L, 5L);
		assertThat(hits.get(1).score()).isLessThan(hits.get(0).score() / 2);
	}

	@Test
	void searchWhenTolerantMatchesBySoundShouldSaySoundsLike() {
		MatchTime heard = matches(hit("\"reset link\"", Matching.TOLERANT, 5)).get(0);
		assertThat(heard.words()).isEqualTo("resit link");
		assertThat(heard.form()).isEqualTo(MatchTime.SOUNDS_LIKE);
		assertThat(heard.startSec()).isEqualTo(word(5, "resit", 0).start());
		assertThat(heard.endSec()).isEqualTo(word(5, "link", 0).end());
		MatchTime said = matches(hit("\"reset link\"", Matching.TOLERANT, 6)).get(0);
		assertThat(said.words()).isEqualTo("reset link");
		assertThat(said.form()).isEqualTo(MatchTime.EXACT);
		assertThat(matches(hit("cancelled", Matching.TOLERANT, 6))).extracting(MatchTime::words, MatchTime::form)
			.containsExactly(tuple("cancel", MatchTime.STEM));
	}

	@Test
	void searchWhenSoundsFieldShouldMatchBySoundWhateverTheMatching() {
		assertThat(ids("sounds:cancel")).containsExactlyInAnyOrder(4L, 5L, 6L);
		assertThat(ids("said_by_agent_sounds:\"reset link\"")).containsExactlyInAnyOrder(5L, 6L);
	}

	private List<Long> ids(String text) {
		return ids(text, Matching.STEMMED);
	}

	private List<Long> ids(String text, Matching matching) {
		return this.index.search(SearchQuery.of(text).with(matching)).hits().stream().map(SearchHit::callId).toList();
	}

	private SearchHit hit(String text, long callId) {
		return hit(text, Matching.STEMMED, callId);
	}

	private SearchHit hit(String text, Matching matching, long callId) {
		return this.index.search(SearchQuery.of(text).with(matching))
			.hits()
			.stream()
			.filter((hit) -> hit.callId() == callId)
			.findFirst()
			.orElseThrow();
	}

	private static List<MatchTime> matches(SearchHit hit) {
		return hit.snippets().stream().flatMap((snippet) -> snippet.matches().stream()).toList();
	}

	private static Word word(long callId, String word, int occurrence) {
		return TestCalls.word(calls().get((int) callId - 1), word, occurrence);
	}

	/**
	 * Each word stemmed once and remembered gives exactly what the stemming chain gives run on every word:
	 * property-style, random texts over inflections, possessives, protected words and their plurals, the overrides,
	 * numbers, contractions and made-up words, in every stemmed field (the words, their pairs, triples and near pairs),
	 * with the same positions and offsets; a second pass reads every stem from what was remembered.
	 */
	@Test
	void stemsWhenRememberedShouldBeThoseOfTheChain() throws IOException {
		String[] vocabulary = ("refund refunds refunded refunding customer customer's customers customers' accountant "
				+ "accountants account accounts manager managers manage managed delivery deliveries deliver delivered "
				+ "cancel cancelled cancellation it's i'm don't won't o'clock 24 3rd 1,000 the a you back call calls "
				+ "university universe news one on running ran runs operator operation operate provider provides "
				+ "representative represent replacement replace ponies caresses sky skies generously").split(" ");
		java.util.Random random = new java.util.Random(11);
		try (org.apache.lucene.analysis.Analyzer chain = new org.apache.lucene.analysis.Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				org.apache.lucene.analysis.Tokenizer tokenizer = new org.apache.lucene.analysis.standard.StandardTokenizer();
				return new TokenStreamComponents(tokenizer,
						TranscriptAnalyzer.stemming(new org.apache.lucene.analysis.LowerCaseFilter(tokenizer)));
			}

		}; TranscriptAnalyzer remembered = new TranscriptAnalyzer()) {
			for (int pass = 0; pass < 2; pass++) {
				for (int t = 0; t < 300; t++) {
					StringBuilder text = new StringBuilder();
					for (int w = 1 + random.nextInt(30); w > 0; w--) {
						String word = (random.nextInt(5) == 0) ? madeUp(random) : vocabulary[random.nextInt(vocabulary.length)];
						text.append(random.nextBoolean() ? word : word.toUpperCase(java.util.Locale.ROOT)).append(' ');
					}
					List<String> expected = tokens(chain, "any", text.toString());
					assertThat(tokens(remembered, TranscriptFields.TEXT, text.toString())).as(text.toString()).isEqualTo(expected);
					assertThat(tokens(remembered, TranscriptFields.speaker("agent"), text.toString())).as(text.toString())
						.isEqualTo(expected);
					List<String> stems = expected.stream().map((token) -> token.substring(0, token.indexOf('@'))).toList();
					List<String> pairs = new java.util.ArrayList<>();
					for (int i = 0; i + 1 < stems.size(); i++) {
						pairs.add(stems.get(i) + " " + stems.get(i + 1));
					}
					assertThat(tokens(remembered, TranscriptFields.TEXT_PAIRS, text.toString()).stream()
						.map((token) -> token.substring(0, token.indexOf('@')))
						.toList()).as(text.toString()).isEqualTo(pairs);
				}
			}
		}
	}

	private static String madeUp(java.util.Random random) {
		StringBuilder word = new StringBuilder();
		for (int i = 2 + random.nextInt(9); i > 0; i--) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return (random.nextInt(4) == 0) ? word + "'s" : word.toString();
	}

	/** Each token as "term@position:start-end". */
	private static List<String> tokens(org.apache.lucene.analysis.Analyzer analyzer, String field, String text)
			throws IOException {
		List<String> tokens = new java.util.ArrayList<>();
		try (org.apache.lucene.analysis.TokenStream stream = analyzer.tokenStream(field, text)) {
			var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			var increment = stream
				.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
			var offset = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				tokens.add(term + "@" + position + ":" + offset.startOffset() + "-" + offset.endOffset());
			}
			stream.end();
		}
		return tokens;
	}

}
