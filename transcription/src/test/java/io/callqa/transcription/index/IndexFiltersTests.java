package io.callqa.transcription.index;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.callqa.transcription.FacetCount;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.SearchResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The filters, exact totals, facets and agent scope of {@link TranscriptIndex#search}, over 15,000 small calls whose
 * facts follow their id, so every expected count is computed from the same rule: each filter is checked on both
 * sides of the 10,000 hits the collector counts exactly by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexFiltersTests {

	static final int CALLS = 15_000;

	static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

	final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	TranscriptIndex index;

	List<IndexedCall> calls;

	@BeforeAll
	void indexTheCalls() throws IOException {
		this.index = TranscriptIndex.open(this.directory);
		this.calls = IntStream.range(0, CALLS).mapToObj(IndexFiltersTests::call).toList();
		for (IndexedCall call : this.calls) {
			this.index.index(call);
		}
		this.index.commit(CALLS);
	}

	@AfterAll
	void close() throws IOException {
		this.index.close();
		this.directory.close();
	}

	/**
	 * Every fifth call was abandoned, not recorded, and has no transcript; the others say "hello" and, every other
	 * one, "refund". Three in four calls are evaluated and three in four surveyed; every seventh asked for a callback.
	 * Two in three have an automatic score (0.00 to 100.00, band edges included), a critical item failed on some.
	 */
	static IndexedCall call(int i) {
		boolean abandoned = i % 5 == 0;
		String words = (i % 2 == 0) ? "hello i want a refund" : "hello thanks a lot";
		IndexedCall call = new IndexedCall(i + 1, "agent" + (i % 3), (i % 4 < 2) ? "support" : "sales",
				(i % 10 == 0) ? "OUTBOUND" : "INBOUND", "+1555" + i, FIRST.plus(Duration.ofMinutes(i)), 30 + i % 600,
				abandoned ? "ABANDONED" : "ANSWERED",
				abandoned ? null : TestCalls.transcript(i + 1, TestCalls.said("agent", 1.0, words)));
		Double auto = (i % 3 != 0) ? AUTO_SCORES[i % AUTO_SCORES.length] : null;
		return call.with(new IndexedCall.Facts(!abandoned, (i % 4 != 0) ? (double) (i % 101) : null,
				(i % 4 != 1) ? i % 11 : null, i % 7 == 0, auto, auto != null && i % 4 == 2));
	}

	/** Automatic scores on and beside the band edges. */
	static final double[] AUTO_SCORES = { 0, 12.5, 49.99, 50, 61, 69.99, 70, 77.77, 84.99, 85, 99.5, 100 };

	@Test
	void automaticScoreFiltersShouldCountEveryMatchingCallExactly() {
		assertFilter((f) -> auto(f, true, null, null, null), (c) -> c.facts().autoEvaluated());
		assertFilter((f) -> auto(f, false, null, null, null), (c) -> !c.facts().autoEvaluated());
		assertFilter((f) -> auto(f, null, 0.0, null, null), (c) -> c.facts().autoEvaluated());
		assertFilter((f) -> auto(f, null, 50.0, 69.99, null),
				(c) -> c.facts().autoEvaluated() && c.facts().autoScore() >= 50 && c.facts().autoScore() < 70);
		assertFilter((f) -> auto(f, null, null, 49.99, null),
				(c) -> c.facts().autoEvaluated() && c.facts().autoScore() < 50);
		assertFilter((f) -> auto(f, null, null, null, true), (c) -> c.facts().autoCriticalFailed());
		assertFilter((f) -> auto(f, null, null, null, false),
				(c) -> c.facts().autoEvaluated() && !c.facts().autoCriticalFailed());
		assertFilter((f) -> auto(filters(f, "ANSWERED", null, null, null, null, null, null, null, null), null, 85.0,
				null, false), (c) -> "ANSWERED".equals(c.outcome()) && c.facts().autoEvaluated()
						&& c.facts().autoScore() >= 85 && !c.facts().autoCriticalFailed());
	}

	@Test
	void automaticScoreFacetShouldCountTheBandsInTheirOrder() {
		SearchResults results = this.index.search(SearchQuery.of("hello").withFacets());
		Predicate<IndexedCall> said = (c) -> c.transcript() != null;
		assertThat(results.facets().get("autoScore")).extracting(FacetCount::value)
			.containsExactly("<50", "50-69", "70-84", "85-100", "none");
		assertThat(asMap(results.facets().get("autoScore"))).isEqualTo(Map.of(
				"<50", expected(said.and((c) -> c.facts().autoEvaluated() && c.facts().autoScore() < 50)),
				"50-69", expected(said.and((c) -> c.facts().autoEvaluated() && c.facts().autoScore() >= 50
						&& c.facts().autoScore() < 70)),
				"70-84", expected(said.and((c) -> c.facts().autoEvaluated() && c.facts().autoScore() >= 70
						&& c.facts().autoScore() < 85)),
				"85-100", expected(said.and((c) -> c.facts().autoEvaluated() && c.facts().autoScore() >= 85)),
				"none", expected(said.and((c) -> !c.facts().autoEvaluated()))));
		SearchResults low = this.index.search(SearchQuery.of("*:*").with(auto(SearchFilters.none(), null, null, 49.99,
				null)).withFacets());
		assertThat(low.facets().get("autoScore")).containsExactly(new FacetCount("<50", low.total()));
	}

	@Test
	void eachFilterShouldCountEveryMatchingCallExactly() {
		assertFilter((f) -> filters(f, "ANSWERED", null, null, null, null, null, null, null, null),
				(c) -> "ANSWERED".equals(c.outcome()));
		assertFilter((f) -> filters(f, "ABANDONED", null, null, null, null, null, null, null, null),
				(c) -> "ABANDONED".equals(c.outcome()));
		assertFilter((f) -> filters(f, null, "INBOUND", null, null, null, null, null, null, null),
				(c) -> "INBOUND".equals(c.direction()));
		assertFilter((f) -> filters(f, null, "OUTBOUND", null, null, null, null, null, null, null),
				(c) -> "OUTBOUND".equals(c.direction()));
		assertFilter((f) -> filters(f, null, null, true, null, null, null, null, null, null),
				(c) -> c.facts().hasRecording());
		assertFilter((f) -> filters(f, null, null, false, null, null, null, null, null, null),
				(c) -> !c.facts().hasRecording());
		assertFilter((f) -> filters(f, null, null, null, true, null, null, null, null, null),
				(c) -> c.facts().evaluated());
		assertFilter((f) -> filters(f, null, null, null, false, null, null, null, null, null),
				(c) -> !c.facts().evaluated());
		assertFilter((f) -> filters(f, null, null, null, null, 0.0, null, null, null, null),
				(c) -> c.facts().evaluated());
		assertFilter((f) -> filters(f, null, null, null, null, 40.0, 60.5, null, null, null),
				(c) -> c.facts().evaluated() && c.facts().qaScore() >= 40 && c.facts().qaScore() <= 60.5);
		assertFilter((f) -> filters(f, null, null, null, null, null, 20.0, null, null, null),
				(c) -> c.facts().evaluated() && c.facts().qaScore() <= 20);
		assertFilter((f) -> filters(f, null, null, null, null, null, null, 0, null, null),
				(c) -> c.facts().surveyScore() != null);
		assertFilter((f) -> filters(f, null, null, null, null, null, null, 3, 5, null),
				(c) -> c.facts().surveyScore() != null && c.facts().surveyScore() >= 3 && c.facts().surveyScore() <= 5);
		assertFilter((f) -> filters(f, null, null, null, null, null, null, null, 4, null),
				(c) -> c.facts().surveyScore() != null && c.facts().surveyScore() <= 4);
		assertFilter((f) -> filters(f, null, null, null, null, null, null, null, null, true),
				(c) -> c.facts().callbackRequested());
		assertFilter((f) -> filters(f, null, null, null, null, null, null, null, null, false),
				(c) -> !c.facts().callbackRequested());
		assertFilter((f) -> filters(f, "ANSWERED", "INBOUND", true, true, 10.0, 90.0, null, null, false),
				(c) -> "ANSWERED".equals(c.outcome()) && "INBOUND".equals(c.direction()) && c.facts().hasRecording()
						&& c.facts().evaluated() && c.facts().qaScore() >= 10 && c.facts().qaScore() <= 90
						&& !c.facts().callbackRequested());
	}

	@Test
	void categoryFilterShouldMatchOnlyTaggedCalls() {
		SearchResults results = this.index.search(SearchQuery.of("*:*")
			.with(filters(SearchFilters.none(), null, null, null, null, null, null, null, null, null, "Refund")));
		assertThat(results.total()).as("no call is tagged yet").isZero();
	}

	@Test
	void totalsPastTenThousandShouldBeExactForTextQueriesAndBrowsing() {
		assertThat(count("*:*", SearchFilters.none())).isEqualTo(CALLS).isGreaterThan(TranscriptSearcher.MAX_DEPTH);
		assertThat(count("hello", SearchFilters.none())).isEqualTo(expected((c) -> c.transcript() != null));
		assertThat(count("refund", SearchFilters.none()))
			.isEqualTo(expected((c) -> c.transcript() != null && c.callId() % 2 == 1));
		assertThat(count("hello", SearchFilters.of("agent1", null, null, null, null, null)))
			.isEqualTo(expected((c) -> c.transcript() != null && "agent1".equals(c.agent())));
	}

	@Test
	void pagingShouldStopAtTenThousandHitsButTheTotalShouldNot() {
		SearchResults last = this.index.search(SearchQuery.of("hello").page(99, 100));
		assertThat(last.hits()).hasSize(100);
		assertThat(last.total()).isEqualTo(expected((c) -> c.transcript() != null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.index.search(SearchQuery.of("hello").page(100, 100)))
			.withMessageContaining("10000");
	}

	@Test
	void facetsShouldCountAllMatchingCallsPerValue() {
		SearchResults results = this.index.search(SearchQuery.of("hello").withFacets());
		long total = expected((c) -> c.transcript() != null);
		assertThat(results.total()).isEqualTo(total);
		assertThat(results.facets()).containsOnlyKeys("agent", "queue", "outcome", "category", "autoScore");
		assertThat(asMap(results.facets().get("agent"))).isEqualTo(countBy((c) -> c.transcript() != null,
				IndexedCall::agent));
		assertThat(asMap(results.facets().get("queue"))).isEqualTo(countBy((c) -> c.transcript() != null,
				IndexedCall::queue));
		assertThat(results.facets().get("outcome")).containsExactly(new FacetCount("ANSWERED", total));
		assertThat(results.facets().get("category")).isEmpty();
		assertThat(results.facets().get("agent")).extracting(FacetCount::count).isSortedAccordingTo(Comparator.reverseOrder());

		SearchResults browsing = this.index.search(SearchQuery.of("*:*")
			.with(filters(SearchFilters.none(), "ABANDONED", null, null, null, null, null, null, null, null))
			.withFacets());
		assertThat(browsing.facets().get("outcome")).containsExactly(new FacetCount("ABANDONED", browsing.total()));
		assertThat(this.index.search(SearchQuery.of("hello")).facets()).as("only when asked").isEmpty();
	}

	/**
	 * Facets are counted on two paths: beside the page (a phrase, proximity, exclusion, pattern) and apart from it
	 * when the index knows the total (a word). Both count the calls the query finds, and asking for them changes
	 * neither the page nor the total.
	 */
	@Test
	void facetsShouldCountTheCallsEveryKindOfQueryFinds() {
		Predicate<IndexedCall> refund = (c) -> c.transcript() != null && (c.callId() - 1) % 2 == 0;
		Predicate<IndexedCall> thanks = (c) -> c.transcript() != null && (c.callId() - 1) % 2 == 1;
		Map<String, Predicate<IndexedCall>> queries = new java.util.LinkedHashMap<>();
		queries.put("refund", refund);
		queries.put("\"want a refund\"", refund);
		queries.put("\"i want\"", refund);
		queries.put("\"hello refund\"~5", refund);
		queries.put("hello -refund", thanks);
		queries.put("ref*", refund);
		queries.put("\"thanks a lot\"", thanks);
		for (Map.Entry<String, Predicate<IndexedCall>> query : queries.entrySet()) {
			for (SearchFilters filters : List.of(SearchFilters.none(), SearchFilters.of(null, "support", null, null,
					null, null))) {
				Predicate<IndexedCall> matches = query.getValue()
					.and((c) -> filters.queue() == null || filters.queue().equals(c.queue()));
				SearchQuery search = SearchQuery.of(query.getKey()).with(filters);
				SearchResults faceted = this.index.search(search.withFacets());
				SearchResults plain = this.index.search(search);
				String as = query.getKey() + ", " + filters;
				assertThat(faceted.total()).as(as).isEqualTo(expected(matches)).isEqualTo(plain.total());
				assertThat(faceted.hits()).as(as).extracting(SearchHit::callId)
					.containsExactlyElementsOf(plain.hits().stream().map(SearchHit::callId).toList());
				assertThat(asMap(faceted.facets().get("agent"))).as(as).isEqualTo(countBy(matches, IndexedCall::agent));
				assertThat(asMap(faceted.facets().get("queue"))).as(as).isEqualTo(countBy(matches, IndexedCall::queue));
				assertThat(asMap(faceted.facets().get("outcome"))).as(as)
					.isEqualTo(countBy(matches, IndexedCall::outcome));
				assertThat(asMap(faceted.facets().get("autoScore"))).as(as)
					.isEqualTo(countBy(matches, (c) -> AutoScoreBands.of(c.facts().autoScore())));
			}
		}
	}

	/**
	 * A segment where most calls match is counted from its calls that do not, deleted ones included: calls indexed
	 * again (a new outcome) are counted once, with their new values, before and after their old segment is counted.
	 */
	@Test
	void facetsShouldCountCallsIndexedAgainOnceWithTheirNewValues() throws IOException {
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
				TranscriptIndex index = TranscriptIndex.open(directory)) {
			List<IndexedCall> calls = IntStream.range(0, 3_000).mapToObj(IndexFiltersTests::call).toList();
			for (IndexedCall call : calls) {
				index.index(call, categories(call));
			}
			index.commit(1);
			SearchResults before = index.search(SearchQuery.of("hello").withFacets());
			assertThat(before.facets().get("outcome")).containsExactly(new FacetCount("ANSWERED", 2_400));
			// categories: several a call (2,400 calls say hello, ids 1 to 3,000, every fifth without words)
			assertThat(before.facets().get("category")).containsExactly(new FacetCount("Even", 1_200),
					new FacetCount("Thirds", 800));
			for (IndexedCall call : calls.subList(0, 900)) {
				if (call.transcript() != null) {
					index.index(new IndexedCall(call.callId(), call.agent(), call.queue(), call.direction(),
							call.callerNumber(), call.startedAt(), call.durationSec(), "TIMEOUT", call.transcript())
						.with(call.facts()), categories(call));
				}
			}
			index.commit(2);
			SearchResults results = index.search(SearchQuery.of("hello").withFacets());
			assertThat(results.total()).isEqualTo(2_400);
			assertThat(results.facets().get("outcome")).containsExactly(new FacetCount("ANSWERED", 1_680),
					new FacetCount("TIMEOUT", 720));
			assertThat(asMap(results.facets().get("agent")))
				.isEqualTo(calls.stream().filter((c) -> c.transcript() != null)
					.collect(Collectors.groupingBy(IndexedCall::agent, Collectors.counting())));
			assertThat(results.facets().get("category")).isEqualTo(before.facets().get("category"));
			SearchResults thirds = index.search(SearchQuery.of("+hello +category:Thirds").withFacets());
			assertThat(thirds.facets().get("category")).as("fewer than half: counted up")
				.containsExactly(new FacetCount("Thirds", 800), new FacetCount("Even", 400));
		}
	}

	/** Even calls (by id) are tagged "Even", every third "Thirds" too. */
	private static CallTags categories(IndexedCall call) {
		return (document) -> {
			if (call.callId() % 2 == 0) {
				document.add(new KeywordField(TranscriptFields.CATEGORY, "Even", Field.Store.YES));
			}
			if (call.callId() % 3 == 0) {
				document.add(new KeywordField(TranscriptFields.CATEGORY, "Thirds", Field.Store.YES));
			}
		};
	}

	@Test
	void agentScopeShouldKeepOnlyTheAgentsCallsWhateverTheFilterSays() {
		SearchResults own = this.index.search(SearchQuery.of("*:*").scopedTo("agent1").page(0, 100).withFacets());
		assertThat(own.total()).isEqualTo(expected((c) -> "agent1".equals(c.agent())));
		assertThat(own.hits()).extracting(SearchHit::agent).containsOnly("agent1");
		assertThat(own.facets().get("agent")).containsExactly(new FacetCount("agent1", own.total()));
		SearchResults other = this.index.search(SearchQuery.of("*:*")
			.with(SearchFilters.of("agent2", null, null, null, null, null))
			.scopedTo("agent1"));
		assertThat(other.total()).isZero();
	}

	@Test
	void callsWithoutTranscriptShouldBeListedWithTheirFactsAndNoSnippets() {
		SearchResults newest = this.index.search(SearchQuery.of("*:*").page(0, 10));
		assertThat(newest.hits()).hasSize(10);
		for (SearchHit hit : newest.hits()) {
			IndexedCall call = this.calls.get((int) hit.callId() - 1);
			assertThat(hit.outcome()).isEqualTo(call.outcome());
			assertThat(hit.hasRecording()).isEqualTo(call.facts().hasRecording());
			assertThat(hit.qaScore()).isEqualTo(call.facts().qaScore());
			assertThat(hit.surveyScore()).isEqualTo(call.facts().surveyScore());
			assertThat(hit.callbackRequested()).isEqualTo(call.facts().callbackRequested());
			assertThat(hit.autoScore()).isEqualTo(call.facts().autoScore());
			assertThat(hit.autoCriticalFailed()).isEqualTo(call.facts().autoCriticalFailed());
			assertThat(hit.snippets()).as("call %d", hit.callId()).hasSize((call.transcript() != null) ? 1 : 0);
		}
		SearchResults abandoned = this.index.search(SearchQuery.of("hello")
			.with(filters(SearchFilters.none(), "ABANDONED", null, null, null, null, null, null, null, null)));
		assertThat(abandoned.total()).as("no words to match").isZero();
	}

	private void assertFilter(UnaryOperator<SearchFilters> filter, Predicate<IndexedCall> expected) {
		SearchFilters filters = filter.apply(SearchFilters.none());
		long want = expected(expected);
		assertThat(count("*:*", filters)).as("%s", filters).isEqualTo(want);
		assertThat(count("hello", filters)).as("hello, %s", filters)
			.isEqualTo(expected(expected.and((c) -> c.transcript() != null)));
		SearchResults faceted = this.index.search(SearchQuery.of("*:*").with(filters).withFacets());
		assertThat(faceted.total()).as("with facets, %s", filters).isEqualTo(want);
	}

	private long count(String text, SearchFilters filters) {
		return this.index.search(SearchQuery.of(text).with(filters)).total();
	}

	private long expected(Predicate<IndexedCall> matches) {
		return this.calls.stream().filter(matches).count();
	}

	private Map<String, Long> countBy(Predicate<IndexedCall> matches, Function<IndexedCall, String> value) {
		return this.calls.stream().filter(matches).collect(Collectors.groupingBy(value, Collectors.counting()));
	}

	private static Map<String, Long> asMap(List<FacetCount> counts) {
		return counts.stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
	}

	private static SearchFilters auto(SearchFilters base, @Nullable Boolean autoEvaluated, @Nullable Double min,
			@Nullable Double max, @Nullable Boolean criticalFailed) {
		return new SearchFilters(base.agent(), base.queue(), base.from(), base.to(), base.minDurationSec(),
				base.maxDurationSec(), base.outcome(), base.direction(), base.hasRecording(), base.evaluated(),
				base.minScore(), base.maxScore(), base.minSurvey(), base.maxSurvey(), base.callbackRequested(),
				base.category(), autoEvaluated, min, max, criticalFailed);
	}

	private static SearchFilters filters(SearchFilters base, @Nullable String outcome, @Nullable String direction,
			@Nullable Boolean hasRecording, @Nullable Boolean evaluated, @Nullable Double minScore,
			@Nullable Double maxScore, @Nullable Integer minSurvey, @Nullable Integer maxSurvey,
			@Nullable Boolean callbackRequested) {
		return filters(base, outcome, direction, hasRecording, evaluated, minScore, maxScore, minSurvey, maxSurvey,
				callbackRequested, null);
	}

	private static SearchFilters filters(SearchFilters base, @Nullable String outcome, @Nullable String direction,
			@Nullable Boolean hasRecording, @Nullable Boolean evaluated, @Nullable Double minScore,
			@Nullable Double maxScore, @Nullable Integer minSurvey, @Nullable Integer maxSurvey,
			@Nullable Boolean callbackRequested, @Nullable String category) {
		return new SearchFilters(base.agent(), base.queue(), base.from(), base.to(), base.minDurationSec(),
				base.maxDurationSec(), outcome, direction, hasRecording, evaluated, minScore, maxScore, minSurvey,
				maxSurvey, callbackRequested, category);
	}

}
