package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.MatchTime;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;
import io.callqa.transcription.Snippet;
import io.callqa.transcription.Word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TranscriptIndex}, over the calls of {@link TestCalls}.
 */
class TranscriptIndexTests {

	@TempDir
	Path dir;

	TranscriptIndex index;

	@BeforeEach
	void indexTheTestCalls() throws IOException {
		this.index = TranscriptIndex.open(this.dir);
		for (IndexedCall call : TestCalls.all()) {
			this.index.index(call);
		}
		this.index.commit(6);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void searchWhenWordShouldFindTheCallsThatSayIt() {
		assertThat(ids("refund")).containsExactlyInAnyOrder(1L, 3L);
	}

	@Test
	void searchWhenSeveralWordsShouldFindCallsThatSayThemAll() {
		assertThat(ids("refund week")).containsExactly(1L);
	}

	@Test
	void searchWhenPhraseShouldMatchOnlyTheWordsInThatOrder() {
		assertThat(ids("\"call you back\"")).containsExactly(2L);
		assertThat(ids("\"back you call\"")).isEmpty();
	}

	@Test
	void searchWhenProximityInRangeShouldMatch() {
		assertThat(ids("\"refund week\"~5")).containsExactly(1L);
	}

	@Test
	void searchWhenProximityOutOfRangeShouldNotMatch() {
		assertThat(ids("\"refund week\"~1")).isEmpty();
	}

	@Test
	void searchWhenBooleanShouldCombineTheClauses() {
		assertThat(ids("refund AND NOT week")).containsExactly(3L);
		assertThat(ids("(refund OR subscription) -refused")).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void searchWhenPrefixShouldMatchAndHighlightEveryCompletion() {
		assertThat(ids("refun*")).containsExactlyInAnyOrder(1L, 3L);
		assertThat(onlySnippet(hit("refun*", 3)).html()).contains("<em>refund</em>", "<em>refunding</em>");
	}

	@Test
	void searchWhenFuzzyShouldMatchAMisspelling() {
		assertThat(ids("refnd~")).containsExactlyInAnyOrder(1L, 3L);
		assertThat(onlySnippet(hit("refnd~", 3)).html()).contains("<em>refund</em>");
	}

	@Test
	void searchWhenSpeakerFieldShouldMatchOnlyWhatThatSpeakerSaid() {
		assertThat(ids("said_by_agent:week")).containsExactly(1L);
		assertThat(ids("said_by_customer:week")).containsExactly(2L);
	}

	@Test
	void searchWhenSpeakerFieldShouldHighlightOnlyThatSpeakersWords() {
		List<MatchTime> matches = matches(hit("said_by_customer:refund", 1));
		assertThat(matches).extracting(MatchTime::speaker).containsOnly("customer");
		assertThat(matches.get(0).startSec()).isEqualTo(TestCalls.word(TestCalls.refund(), "refund", 0).start());
	}

	@Test
	void searchWhenSpeakerFieldExcludesAWordAnotherSpeakerSaidShouldStillHighlightItsMatches() {
		// the agent says "sorry", the customer does not: the call matches, and the customer's refund is highlighted
		List<MatchTime> matches = matches(hit("said_by_customer:(refund -sorry)", 1));
		assertThat(matches).extracting(MatchTime::words).containsExactly("refund");
		assertThat(matches).extracting(MatchTime::speaker).containsOnly("customer");
	}

	@Test
	void searchWhenSpeakerPhraseSpansTwoUtterancesShouldNotMatch() {
		assertThat(ids("\"calling how\"")).containsExactly(1L);
		assertThat(ids("\"help i\"")).containsExactly(1L);
		assertThat(ids("said_by_agent:\"help i\"")).isEmpty();
	}

	@Test
	void searchWhenAgentFilterShouldKeepOnlyTheirCalls() {
		assertThat(ids(filtered("refund", "alice", null))).containsExactlyInAnyOrder(1L, 3L);
		assertThat(ids(filtered("refund", "bob", null))).isEmpty();
	}

	@Test
	void searchWhenQueueFilterShouldKeepOnlyItsCalls() {
		assertThat(ids(filtered("*:*", null, "sales"))).containsExactly(3L, 2L);
	}

	@Test
	void searchWhenTimeRangeShouldIncludeFromAndExcludeTo() {
		SearchQuery query = new SearchQuery("", null, null, Instant.parse("2026-01-11T10:00:00Z"),
				Instant.parse("2026-01-13T12:00:00Z"), null, null, 0, 10);
		assertThat(ids(query)).containsExactly(3L, 2L);
	}

	@Test
	void searchWhenDurationRangeShouldKeepCallsWithinIt() {
		SearchQuery query = new SearchQuery("", null, null, null, null, 100.0, 300.0, 0, 10);
		assertThat(ids(query)).containsExactly(2L, 1L);
	}

	@Test
	void searchWhenBrowsingShouldListEveryCallNewestFirst() {
		assertThat(ids("*:*")).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
		assertThat(ids("")).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
	}

	@Test
	void searchWhenSecondPageShouldReturnItsHitsAndTheTotal() {
		SearchResults results = this.index.search(new SearchQuery("*:*", null, null, null, null, null, null, 1, 2));
		assertThat(results.total()).isEqualTo(6);
		assertThat(results.hits()).extracting(SearchHit::callId).containsExactly(4L, 3L);
	}

	@Test
	void searchWhenPagePastTheEndShouldReturnNoHits() {
		SearchResults results = this.index.search(new SearchQuery("refund", null, null, null, null, null, null, 5, 10));
		assertThat(results.total()).isEqualTo(2);
		assertThat(results.hits()).isEmpty();
	}

	@Test
	void searchWhenWordMatchesShouldReturnMetadataAndHighlightedSnippet() {
		SearchHit hit = hit("subscription", 2);
		assertThat(hit.agent()).isEqualTo("bob");
		assertThat(hit.startedAt()).isEqualTo(Instant.parse("2026-01-11T10:00:00Z"));
		assertThat(hit.durationSec()).isEqualTo(300);
		assertThat(onlySnippet(hit).html()).contains("<em>subscription</em>");
	}

	@Test
	void searchWhenWordIsDeepInALongTranscriptShouldGiveTheSecondItWasSaid() {
		MatchTime match = onlyMatch(hit("escalate", 4));
		Word escalate = TestCalls.word(TestCalls.longCall(), "escalate", 0);
		assertThat(match.startSec()).isEqualTo(escalate.start());
		assertThat(match.speaker()).isEqualTo("agent");
	}

	@Test
	void searchWhenPhraseShouldGiveOneMatchFromItsFirstToItsLastWord() {
		Snippet snippet = onlySnippet(hit("\"escalate to my manager\"", 4));
		MatchTime match = snippet.matches().get(0);
		assertThat(match.words()).isEqualTo("escalate to my manager");
		assertThat(snippet.text().substring(match.start(), match.end())).isEqualTo(match.words());
		assertThat(match.startSec()).isEqualTo(TestCalls.word(TestCalls.longCall(), "escalate", 0).start());
		assertThat(match.endSec()).isEqualTo(TestCalls.word(TestCalls.longCall(), "manager", 0).end());
	}

	@Test
	void searchWhenWordIsSaidSeveralTimesShouldGiveTheSecondOfEach() {
		List<MatchTime> matches = matches(hit("refund", 1));
		assertThat(matches).extracting(MatchTime::startSec)
			.containsExactly(TestCalls.word(TestCalls.refund(), "refund", 0).start(),
					TestCalls.word(TestCalls.refund(), "refund", 1).start());
		assertThat(matches).extracting(MatchTime::speaker).containsExactly("customer", "agent");
	}

	@Test
	void searchWhenSnippetIsCutShouldKeepAboutTwentyWordsAroundTheMatch() {
		String text = onlySnippet(hit("escalate", 4)).text();
		assertThat(text.split(" ")).hasSizeBetween(12, 30);
		assertThat(text).contains("escalate");
	}

	@Test
	void searchWhenTranscriptHoldsHtmlShouldEscapeItInHtml() {
		Snippet snippet = onlySnippet(hit("cartoon", 6));
		assertThat(snippet.html()).isEqualTo("tom &amp; jerry &lt;i&gt;<em>cartoon</em>&lt;/i&gt; fans");
		assertThat(snippet.text()).isEqualTo("tom & jerry <i>cartoon</i> fans");
	}

	@Test
	void indexWhenSameCallAgainShouldReplaceItsDocument() throws IOException {
		IndexedCall refund = TestCalls.refund();
		this.index.index(TestCalls.call(1, "zoe", "support", "2026-01-10T09:00:00Z", 120, refund.transcript()));
		this.index.commit(7);
		assertThat(this.index.documentCount()).isEqualTo(6);
		assertThat(ids(filtered("refund", "zoe", null))).containsExactly(1L);
		assertThat(ids(filtered("refund", "alice", null))).containsExactly(3L);
	}

	@Test
	void deleteWhenCommittedShouldRemoveTheCall() throws IOException {
		this.index.delete(1);
		this.index.commit(7);
		assertThat(ids("refund")).containsExactly(3L);
		assertThat(this.index.documentCount()).isEqualTo(5);
	}

	@Test
	void commitWhenReopenedShouldKeepTheOutboxSequence() throws IOException {
		this.index.commit(42);
		this.index.close();
		this.index = TranscriptIndex.open(this.dir);
		assertThat(this.index.committedOutboxSeq()).isEqualTo(42);
		assertThat(this.index.documentCount()).isEqualTo(6);
	}

	@Test
	void committedOutboxSeqWhenIndexIsNewShouldBeZero(@TempDir Path empty) throws IOException {
		try (TranscriptIndex fresh = TranscriptIndex.open(empty.resolve("index"))) {
			assertThat(fresh.committedOutboxSeq()).isZero();
			assertThat(fresh.documentCount()).isZero();
		}
	}

	@Test
	void closeWhenChangesAreNotCommittedShouldDropThem() throws IOException {
		this.index.delete(1);
		this.index.close();
		this.index = TranscriptIndex.open(this.dir);
		assertThat(this.index.documentCount()).isEqualTo(6);
		assertThat(this.index.committedOutboxSeq()).isEqualTo(6);
	}

	@Test
	void commitWhenCallIndexedShouldMakeItSearchableAtOnce() throws IOException {
		this.index.index(TestCalls.call(7, "fay", "support", "2026-02-01T09:00:00Z", 10,
				TestCalls.transcript(7, TestCalls.said("agent", 0, "your voucher is ready"))));
		assertThat(ids("voucher")).isEmpty();
		this.index.commit(7);
		assertThat(ids("voucher")).containsExactly(7L);
	}

	@Test
	void maybeRefreshWhenCallIndexedShouldMakeItSearchableWithoutCommit() throws IOException {
		this.index.index(TestCalls.call(7, "fay", "support", "2026-02-01T09:00:00Z", 10,
				TestCalls.transcript(7, TestCalls.said("agent", 0, "your voucher is ready"))));
		this.index.maybeRefresh();
		assertThat(ids("voucher")).containsExactly(7L);
		assertThat(this.index.committedOutboxSeq()).isEqualTo(6);
	}

	@Test
	void searchWhenCallIsSilentShouldFindItByFiltersAlone() {
		SearchResults results = this.index.search(filtered("", "dave", null));
		assertThat(results.hits()).extracting(SearchHit::callId).containsExactly(5L);
		assertThat(results.hits().get(0).snippets()).isEmpty();
	}

	@Test
	void searchWhenBrowsingShouldShowTheOpeningWordsWithoutMatches() {
		Snippet opening = onlySnippet(hit("*:*", 2));
		assertThat(opening.text()).startsWith("hello i am calling");
		assertThat(opening.matches()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unclosed", "AND", "refund)", "said_by_agent:" })
	void searchWhenSyntaxIsInvalidShouldThrowWithTheParserMessage(String text) {
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> ids(text))
			.withMessageStartingWith("Cannot parse '" + text + "'");
	}

	@Test
	void searchWhenOneClauseListIsTooLongShouldThrowWithTheParserMessage() {
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> ids(words("w", 1100)))
			.withMessageContaining("too many boolean clauses");
	}

	@Test
	void searchWhenNestedTooDeeplyOrTooLongShouldThrowBeforeParsing() {
		// 7,000 parentheses overflowed the parser's stack (a StackOverflowError, a 500 over HTTP).
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> ids("(".repeat(7000)))
			.withMessageContaining("nests parentheses too deeply");
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> ids("(".repeat(21) + "w" + ")".repeat(21)))
			.withMessageContaining("nests parentheses too deeply");
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> ids("w ".repeat(6000)))
			.withMessageContaining("too long");
		assertThat(ids("(".repeat(20) + "w" + ")".repeat(20) + " \"((((((((((((((((((((((\"")).isNotNull();
	}

	@Test
	void searchWhenNestedClausesAreTooManyShouldThrowTooBroad() {
		String text = "(" + words("w", 600) + ") AND (" + words("x", 600) + ")";
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> ids(text))
			.withMessageStartingWith("The query is too broad");
	}

	@Test
	void searchWhenSizeOrPageOutOfRangeShouldThrowIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> ids(page(0, 0))).withMessageContaining("size");
		assertThatIllegalArgumentException().isThrownBy(() -> ids(page(0, 101))).withMessageContaining("size");
		assertThatIllegalArgumentException().isThrownBy(() -> ids(page(-1, 10))).withMessageContaining("page");
		assertThatIllegalArgumentException().isThrownBy(() -> ids(page(100, 100))).withMessageContaining("10000");
	}

	private List<Long> ids(String text) {
		return ids(filtered(text, null, null));
	}

	private static String words(String prefix, int count) {
		return String.join(" OR ", IntStream.range(0, count).mapToObj((i) -> prefix + i).toList());
	}

	private List<Long> ids(SearchQuery query) {
		return this.index.search(query).hits().stream().map(SearchHit::callId).toList();
	}

	private SearchHit hit(String text, long callId) {
		return this.index.search(filtered(text, null, null))
			.hits()
			.stream()
			.filter((hit) -> hit.callId() == callId)
			.findFirst()
			.orElseThrow();
	}

	private static SearchQuery filtered(String text, @Nullable String agent, @Nullable String queue) {
		return new SearchQuery(text, agent, queue, null, null, null, null, 0, 10);
	}

	private static SearchQuery page(int page, int size) {
		return new SearchQuery("", null, null, null, null, null, null, page, size);
	}

	private static Snippet onlySnippet(SearchHit hit) {
		assertThat(hit.snippets()).hasSize(1);
		return hit.snippets().get(0);
	}

	private static MatchTime onlyMatch(SearchHit hit) {
		assertThat(onlySnippet(hit).matches()).hasSize(1);
		return hit.snippets().get(0).matches().get(0);
	}

	private static List<MatchTime> matches(SearchHit hit) {
		return hit.snippets().stream().flatMap((snippet) -> snippet.matches().stream()).toList();
	}

}
