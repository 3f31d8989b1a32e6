package io.callqa.qaconsole.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.callqa.qaconsole.rules.Rule.Kind;
import io.callqa.qaconsole.rules.Rule.Window;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.TestTranscriptChecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each rule kind against small transcripts with known words and seconds: pass, fail, N/A with its reason, and the
 * evidence that decided it; the score over the items that applied.
 */
class RuleEngineTests {

	static final double WORD = 0.4;

	final AtomicInteger compiled = new AtomicInteger();

	final List<RuledItem> items = new ArrayList<>();

	final RuleEngine engine = new RuleEngine(TestTranscriptChecks.create(), (id) -> {
		this.compiled.incrementAndGet();
		return new RuledScorecard(id, 80, this.items);
	}, null);

	static final CallFacts FACTS = new CallFacts(1, "alice", "support", "INBOUND", "ANSWERED", 120.0, 12.0, null, 8);

	/** A two-party call: greeting, complaint, apology, a rude phrase, dead air, anything else, goodbye. */
	static Transcript call() {
		return transcript(said("agent", 1.0, "thank you for calling acme my name is sam"),
				said("customer", 6.0, "i am really unhappy my package arrived broken"),
				said("agent", 10.0, "i am so sorry about that"),
				said("customer", 13.0, "this is the second time"),
				said("agent", 16.0, "that is not my problem"),
				// 12.2 s of dead air from 17.95
				said("agent", 30.15, "is there anything else i can help you with"),
				said("customer", 34.0, "no goodbye"), said("agent", 35.0, "thank you goodbye"));
	}

	@Test
	void saidInTheFirstSecondsShouldPassWithTheWordsAsEvidence() {
		rule("greeting", Rule.phrase(Kind.SAID, "\"thank you for calling\"", "AGENT", null, Window.first(15)));
		rule("late-greeting", Rule.phrase(Kind.SAID, "\"anything else\"", "AGENT", null, Window.first(15)));
		AutomaticResult result = evaluate(call());
		ItemResult greeting = result.items().get(0);
		assertThat(greeting.outcome()).isEqualTo(RuleOutcome.PASS);
		assertThat(greeting.points()).isEqualTo(1.0);
		assertThat(greeting.evidence()).containsExactly(new Evidence(1.0, 1.0 + 3 * WORD + 0.35, "agent",
				"thank you for calling"));
		ItemResult late = result.items().get(1);
		assertThat(late.outcome()).isEqualTo(RuleOutcome.FAIL);
		assertThat(late.points()).isEqualTo(0.0);
		assertThat(late.reason()).isEqualTo("not said by the agent in the first 15.0 s");
	}

	@Test
	void saidInTheLastSecondsShouldLookFromTheEndOfTheCall() {
		rule("anything-else", Rule.phrase(Kind.SAID, "\"anything else\"", "AGENT", null, Window.last(10)));
		rule("greeting-at-end", Rule.phrase(Kind.SAID, "\"my name is\"", "AGENT", null, Window.last(10)));
		assertThat(outcomes(evaluate(call()))).containsExactly(RuleOutcome.PASS, RuleOutcome.FAIL);
	}

	@Test
	void notSaidShouldFailWithEveryOccurrenceAsEvidence() {
		rule("rude", Rule.phrase(Kind.NOT_SAID, "\"not my problem\" OR stupid", "AGENT", null, null));
		rule("polite", Rule.phrase(Kind.NOT_SAID, "idiot", "AGENT", null, null));
		rule("customer-only", Rule.phrase(Kind.NOT_SAID, "\"my problem\"", "CUSTOMER", null, null));
		AutomaticResult result = evaluate(call());
		assertThat(outcomes(result)).containsExactly(RuleOutcome.FAIL, RuleOutcome.PASS, RuleOutcome.PASS);
		assertThat(result.items().get(0).evidence()).extracting(Evidence::speaker, Evidence::words, Evidence::startSec)
			.containsExactly(tuple("agent", "not my problem", 16.0 + 2 * WORD));
		assertThat(result.items().get(0).reason()).isEqualTo("said by the agent: 'not my problem'");
	}

	@Test
	void saidAfterAnAnchorShouldPassWithinItsSecondsAndBeNotApplicableWithoutIt() {
		Window afterComplaint = Window.after("unhappy OR complaint", "CUSTOMER", 10.0);
		rule("empathy", Rule.phrase(Kind.SAID, "sorry", "AGENT", null, afterComplaint));
		rule("too-late", Rule.phrase(Kind.SAID, "goodbye", "AGENT", null, afterComplaint));
		rule("no-anchor", Rule.phrase(Kind.SAID, "sorry", "AGENT", null, Window.after("refund", "CUSTOMER", null)));
		AutomaticResult result = evaluate(call());
		assertThat(outcomes(result)).containsExactly(RuleOutcome.PASS, RuleOutcome.FAIL, RuleOutcome.NA);
		assertThat(result.items().get(0).evidence()).extracting(Evidence::speaker, Evidence::words)
			.containsExactly(tuple("customer", "unhappy"), tuple("agent", "sorry"));
		assertThat(result.items().get(1).evidence()).extracting(Evidence::words).containsExactly("unhappy");
		assertThat(result.items().get(2).reason()).isEqualTo("'refund' was not said by the customer");
	}

	@Test
	void afterAnchoredOnTheCustomerShouldBeNotApplicableWhenTheCustomerSaidNothing() {
		rule("empathy", Rule.phrase(Kind.SAID, "sorry", "AGENT", null, Window.after("unhappy", "CUSTOMER", null)));
		AutomaticResult result = evaluate(transcript(said("agent", 1.0, "hello hello anyone there")));
		assertThat(result.items().get(0).outcome()).isEqualTo(RuleOutcome.NA);
		assertThat(result.items().get(0).reason()).isEqualTo("the customer said nothing");
	}

	@Test
	void speakerRulesShouldBeNotApplicableOnAMonoRecordingAndAnySpeakerShouldStillApply() {
		rule("agent-greets", Rule.phrase(Kind.SAID, "hello", "AGENT", null, null));
		rule("anyone-greets", Rule.phrase(Kind.SAID, "hello", "ANY", null, null));
		rule("talk-over", talkOver(0, null));
		rule("share", share(0.3, 0.7));
		rule("speed", wpm(100.0, 200.0));
		AutomaticResult result = evaluate(transcript(said("mixed", 1.0, "hello how can i help")));
		assertThat(outcomes(result)).containsExactly(RuleOutcome.NA, RuleOutcome.PASS, RuleOutcome.NA, RuleOutcome.NA,
				RuleOutcome.NA);
		assertThat(result.items().get(0).reason()).startsWith("mono recording");
		assertThat(result.items().get(2).reason()).startsWith("mono recording");
	}

	@Test
	void tolerantMatchingShouldFindWhatSoundsAlike() {
		rule("cancel", Rule.phrase(Kind.SAID, "cancel", "CUSTOMER", "TOLERANT", null));
		rule("cancel-stemmed", Rule.phrase(Kind.SAID, "cancel", "CUSTOMER", "STEMMED", null));
		AutomaticResult result = evaluate(transcript(said("customer", 1.0, "i want to council my order")));
		assertThat(outcomes(result)).containsExactly(RuleOutcome.PASS, RuleOutcome.FAIL);
	}

	@Test
	void silenceShouldFailOverItsMaximumWithTheLongestGapAsEvidence() {
		rule("dead-air", new Rule("SILENCE", null, null, null, null, 10.0, null, null, null, null, null, null, null));
		rule("dead-air-15", new Rule("SILENCE", null, null, null, null, 15.0, null, null, null, null, null, null, null));
		AutomaticResult result = evaluate(call());
		assertThat(outcomes(result)).containsExactly(RuleOutcome.FAIL, RuleOutcome.PASS);
		Evidence gap = result.items().get(0).evidence().get(0);
		assertThat(gap.startSec()).isCloseTo(17.95, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(gap.endSec()).isEqualTo(30.15);
		assertThat(gap.speaker()).isEqualTo(Evidence.NOBODY);
		assertThat(result.items().get(0).reason()).isEqualTo("longest silence 12.2 s (at most 10.0 s)");
	}

	@Test
	void talkOverShouldCountStretchesWhereBothSpeakAndSayWhoInterrupted() {
		Transcript overlapping = transcript(said("customer", 1.0, "my internet has been down for three days now"),
				said("agent", 2.0, "that is not my problem"), said("customer", 6.0, "but i called twice"),
				said("agent", 7.0, "stop wasting my time"), said("customer", 12.0, "ok"));
		rule("none-allowed", talkOver(1, null));
		rule("two-allowed", talkOver(2, null));
		rule("share", talkOver(null, 0.5));
		AutomaticResult result = evaluate(overlapping);
		assertThat(outcomes(result)).containsExactly(RuleOutcome.FAIL, RuleOutcome.PASS, RuleOutcome.PASS);
		assertThat(result.items().get(0).evidence()).extracting(Evidence::speaker, Evidence::startSec)
			.containsExactly(tuple("agent", 2.0), tuple("agent", 7.0));
		assertThat(result.items().get(0).evidence().get(0).words()).isEqualTo("that is not my problem");
		assertThat(result.items().get(0).reason()).startsWith("2 talk-overs, ");
	}

	@Test
	void agentShareAndSpeedShouldBeCheckedAgainstTheirBounds() {
		// the agent says 10 words in 3.95 s of speech (152 words a minute), the customer 5 words in 1.95 s
		Transcript transcript = transcript(said("agent", 1.0, "one two three four five six seven eight nine ten"),
				said("customer", 10.0, "one two three four five"));
		rule("share-ok", share(0.5, 0.8));
		rule("share-low", share(null, 0.5));
		rule("speed-ok", wpm(140.0, 160.0));
		rule("speed-slow", wpm(160.0, null));
		AutomaticResult result = evaluate(transcript);
		assertThat(outcomes(result)).containsExactly(RuleOutcome.PASS, RuleOutcome.FAIL, RuleOutcome.PASS,
				RuleOutcome.FAIL);
		assertThat(result.items().get(0).reason()).isEqualTo("the agent talked 67 % of the talk (at least 50 %, at most 80 %)");
		assertThat(result.items().get(2).reason()).isEqualTo("the agent spoke 152 words a minute (at least 140, at most 160)");
	}

	@Test
	void telephonyRulesShouldUseTheFactsAndBeNotApplicableWhenUnknown() {
		rule("wait", new Rule("WAIT", null, null, null, null, 20.0, null, null, null, null, null, null, null));
		rule("long-wait", new Rule("WAIT", null, null, null, null, 10.0, null, null, null, null, null, null, null));
		rule("hold", new Rule("HOLD", null, null, null, null, 60.0, null, null, null, null, null, null, null));
		rule("duration", new Rule("DURATION", null, null, null, null, 900.0, 30.0, null, null, null, null, null, null));
		rule("short", new Rule("DURATION", null, null, null, null, 60.0, null, null, null, null, null, null, null));
		AutomaticResult result = evaluate(call());
		assertThat(outcomes(result)).containsExactly(RuleOutcome.PASS, RuleOutcome.FAIL, RuleOutcome.NA,
				RuleOutcome.PASS, RuleOutcome.FAIL);
		assertThat(result.items().get(1).reason()).isEqualTo("wait in the queue 12.0 s (at most 10.0 s)");
		assertThat(result.items().get(2).reason()).isEqualTo("the hold time of this call is unknown");
		CallFacts outbound = new CallFacts(2, "alice", null, "OUTBOUND", null, 50.0, null, null, null);
		assertThat(outcomes(this.engine.evaluate(7, call(), outbound))).containsExactly(RuleOutcome.NA,
				RuleOutcome.NA, RuleOutcome.NA, RuleOutcome.PASS, RuleOutcome.PASS);
		// Hold time followed on Asterisk (AMI Hold/Unhold): 45 s passes "at most 60 s", 75 s fails.
		CallFacts heldBriefly = new CallFacts(3, "alice", "support", "INBOUND", "ANSWERED", 200.0, 12.0, 45.0, null);
		assertThat(this.engine.evaluate(7, call(), heldBriefly).items().get(2).outcome()).isEqualTo(RuleOutcome.PASS);
		CallFacts heldLong = new CallFacts(4, "alice", "support", "INBOUND", "ANSWERED", 200.0, 12.0, 75.0, null);
		ItemResult hold = this.engine.evaluate(7, call(), heldLong).items().get(2);
		assertThat(hold.outcome()).isEqualTo(RuleOutcome.FAIL);
		assertThat(hold.reason()).isEqualTo("on hold 75.0 s (at most 60.0 s)");
	}

	@Test
	void factRulesShouldCheckOutcomeQueueDirectionAndSurvey() {
		rule("answered", fact("OUTCOME", List.of("answered", "CONNECTED"), null));
		rule("queue", fact("QUEUE", List.of("sales"), null));
		rule("inbound", fact("DIRECTION", List.of("INBOUND"), null));
		rule("survey", fact("SURVEY", null, 7.0));
		rule("survey-high", fact("SURVEY", null, 9.0));
		assertThat(outcomes(evaluate(call()))).containsExactly(RuleOutcome.PASS, RuleOutcome.FAIL, RuleOutcome.PASS,
				RuleOutcome.PASS, RuleOutcome.FAIL);
		CallFacts unknown = new CallFacts(2, null, null, "INBOUND", null, null, null, null, null);
		AutomaticResult result = this.engine.evaluate(7, call(), unknown);
		assertThat(outcomes(result)).containsExactly(RuleOutcome.NA, RuleOutcome.NA, RuleOutcome.PASS, RuleOutcome.NA,
				RuleOutcome.NA);
		assertThat(result.items().get(3).reason()).isEqualTo("the caller answered no survey");
	}

	@Test
	void aTranscriptWithoutWordsShouldLeaveTheTranscriptRulesNotApplicable() {
		rule("greeting", Rule.phrase(Kind.SAID, "hello", null, null, null));
		rule("rude", Rule.phrase(Kind.NOT_SAID, "stupid", null, null, null));
		rule("dead-air", new Rule("SILENCE", null, null, null, null, 10.0, null, null, null, null, null, null, null));
		rule("answered", fact("OUTCOME", List.of("ANSWERED"), null));
		AutomaticResult result = evaluate(new Transcript(1, 30, List.of()));
		assertThat(outcomes(result)).containsExactly(RuleOutcome.NA, RuleOutcome.NA, RuleOutcome.NA, RuleOutcome.PASS);
		assertThat(result.items().get(0).reason()).isEqualTo("no words were recognised in the call");
	}

	@Test
	void scoreShouldWeighTheItemsThatAppliedAndBeZeroWhenACriticalItemFailed() {
		this.items.add(new RuledItem("greeting", "Greets", 2, 1, false,
				Rule.phrase(Kind.SAID, "\"thank you for calling\"", "AGENT", null, null)));
		this.items.add(new RuledItem("further", "Anything else", 1, 2, false,
				Rule.phrase(Kind.SAID, "\"anything more\"", "AGENT", null, null)));
		this.items.add(new RuledItem("hold", "Hold", 5, 1, false,
				new Rule("HOLD", null, null, null, null, 60.0, null, null, null, null, null, null, null)));
		AutomaticResult result = evaluate(call());
		assertThat(result.score()).isEqualTo(66.67);
		assertThat(result.passed()).isFalse();
		assertThat(result.criticalFailed()).isFalse();
		assertThat(result.items()).extracting(ItemResult::points, ItemResult::maxPoints)
			.containsExactly(tuple(1.0, 1.0), tuple(0.0, 2.0), tuple(null, 1.0));
		this.items.add(new RuledItem("rude", "Not rude", 1, 1, true,
				Rule.phrase(Kind.NOT_SAID, "\"not my problem\"", "AGENT", null, null)));
		AutomaticResult critical = this.engine.evaluate(8, call(), FACTS);
		assertThat(critical.score()).isEqualTo(0.0);
		assertThat(critical.criticalFailed()).isTrue();
		assertThat(critical.passed()).isFalse();
		assertThat(critical.scorecardVersionId()).isEqualTo(8);
	}

	@Test
	void scoreShouldBeNullWhenNoItemApplied() {
		rule("hold", new Rule("HOLD", null, null, null, null, 60.0, null, null, null, null, null, null, null));
		AutomaticResult result = evaluate(call());
		assertThat(result.score()).isNull();
		assertThat(result.passed()).isFalse();
		assertThat(this.engine.hasRules(7)).isTrue();
	}

	@Test
	void aVersionShouldBeCompiledOnceAndScoredFromManyThreads() {
		rule("greeting", Rule.phrase(Kind.SAID, "\"thank you for calling\"", "AGENT", "TOLERANT", Window.first(15)));
		rule("rude", Rule.phrase(Kind.NOT_SAID, "\"not my problem\"", "AGENT", null, null));
		rule("dead-air", new Rule("SILENCE", null, null, null, null, 10.0, null, null, null, null, null, null, null));
		AutomaticResult expected = evaluate(call());
		List<AutomaticResult> results = IntStream.range(0, 200).parallel().mapToObj((i) -> evaluate(call())).toList();
		assertThat(results).containsOnly(expected);
		assertThat(this.compiled).hasValue(1);
	}

	@Test
	void aStoredRuleThatCannotBeUsedShouldBeNotApplicableAndTheOthersStillScore() {
		rule("bad-query", Rule.phrase(Kind.SAID, "\"unclosed", "AGENT", null, null));
		rule("bad-kind", new Rule("SMILE", null, null, null, null, null, null, null, null, null, null, null, null));
		rule("greeting", Rule.phrase(Kind.SAID, "hello OR \"thank you\"", "AGENT", null, null));
		AutomaticResult result = evaluate(call());
		assertThat(outcomes(result)).containsExactly(RuleOutcome.NA, RuleOutcome.NA, RuleOutcome.PASS);
		assertThat(result.items().get(0).reason()).startsWith("the rule's query cannot be used: '\"unclosed': ");
		assertThat(result.items().get(1).reason()).startsWith("the rule cannot be used: unknown rule kind 'SMILE'");
	}

	private AutomaticResult evaluate(Transcript transcript) {
		return this.engine.evaluate(7, transcript, FACTS);
	}

	private void rule(String key, Rule rule) {
		this.items.add(new RuledItem(key, "Item " + key, 1, 1, false, rule));
	}

	private static List<RuleOutcome> outcomes(AutomaticResult result) {
		return result.items().stream().map(ItemResult::outcome).toList();
	}

	static Rule talkOver(Integer maxCount, Double maxShare) {
		return new Rule("TALK_OVER", null, null, null, null, null, null, maxCount, maxShare, null, null, null, null);
	}

	static Rule share(Double min, Double max) {
		return new Rule("AGENT_TALK_SHARE", null, null, null, null, null, null, null, null, min, max, null, null);
	}

	static Rule wpm(Double min, Double max) {
		return new Rule("AGENT_WPM", null, null, null, null, null, null, null, null, min, max, null, null);
	}

	static Rule fact(String fact, List<String> in, Double min) {
		return new Rule("FACT", null, null, null, null, null, null, null, null, min, null, fact, in);
	}

	static Transcript transcript(Utterance... utterances) {
		return new Transcript(1, 40, List.of(utterances));
	}

	/** An utterance whose words start {@link #WORD} apart from {@code start} and last 0.35 s. */
	static Utterance said(String speaker, double start, String text) {
		String[] words = text.split(" ");
		List<Word> timed = new ArrayList<>();
		for (int i = 0; i < words.length; i++) {
			timed.add(new Word(words[i], start + i * WORD, start + i * WORD + 0.35, 0.9));
		}
		return new Utterance(speaker, start, timed.get(timed.size() - 1).end(), text, timed);
	}

}
