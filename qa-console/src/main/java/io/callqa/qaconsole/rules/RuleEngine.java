package io.callqa.qaconsole.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.callqa.qaconsole.rules.Rule.Fact;
import io.callqa.qaconsole.rules.Rule.Kind;
import io.callqa.qaconsole.rules.Rule.Speaker;
import io.callqa.qaconsole.rules.Rule.WindowKind;
import io.callqa.qaconsole.rules.TalkMetrics.Overlap;
import io.callqa.qaconsole.rules.TalkMetrics.Span;
import io.callqa.telephony.CallNotFoundException;
import io.callqa.telephony.Calls;
import io.callqa.transcription.Category;
import io.callqa.transcription.InvalidSearchException;
import io.callqa.transcription.PhraseCheck;
import io.callqa.transcription.PhraseFound;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptChecks;
import io.callqa.transcription.TranscriptChecks.CompiledChecks;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Evaluates a scorecard version's rules against a transcript. A version's rules are compiled once (all its queries
 * in one {@link CompiledChecks}, run in one MemoryIndex per call) and kept: versions never change. Each item is a
 * function of what the checks found, the talk metrics and the call facts, so a call is scored without the database.
 */
@Service
class RuleEngine implements AutomaticScoring {

	/** Enough evidence to show where; a call saying a forbidden word 200 times needs no 200 markers. */
	static final int MAX_EVIDENCE = 20;

	private final TranscriptChecks checks;

	private final RuledScorecards scorecards;

	private final Calls calls;

	private final Map<Long, CompiledVersion> compiled = new ConcurrentHashMap<>();

	RuleEngine(TranscriptChecks checks, RuledScorecards scorecards, Calls calls) {
		this.checks = checks;
		this.scorecards = scorecards;
		this.calls = calls;
	}

	@Override
	public AutomaticResult evaluate(long scorecardVersionId, Transcript transcript, CallFacts facts) {
		return compiled(scorecardVersionId).evaluate(transcript, facts);
	}

	@Override
	public boolean hasRules(long scorecardVersionId) {
		return !compiled(scorecardVersionId).items.isEmpty();
	}

	@Override
	public CallFacts factsOf(long callId) {
		CallFacts facts = factsOf(List.of(callId)).get(callId);
		if (facts == null) {
			throw new CallNotFoundException(callId);
		}
		return facts;
	}

	@Override
	public Map<Long, CallFacts> factsOf(Collection<Long> callIds) {
		Map<Long, CallFacts> facts = new HashMap<>();
		this.calls.summaries(callIds).forEach((callId, call) ->
		facts.put(callId, new CallFacts(callId, call.agent(), call.queue(), call.direction(), call.outcome(),
				call.durationSec(), call.waitSec(), call.holdSec(), call.surveyScore())));
		return facts;
	}

	private CompiledVersion compiled(long versionId) {
		return this.compiled.computeIfAbsent(versionId, (id) -> compile(this.scorecards.version(id)));
	}

	CompiledVersion compile(RuledScorecard scorecard) {
		List<PhraseCheck> phrases = new ArrayList<>();
		List<CompiledItem> items = new ArrayList<>();
		for (RuledItem item : scorecard.items()) {
			items.add(new CompiledItem(item, check(item, phrases)));
		}
		CompiledChecks compiledChecks = phrases.isEmpty() ? null : this.checks.compile(phrases);
		return new CompiledVersion(scorecard, items, compiledChecks);
	}

	/**
	 * The item's check; a phrase rule adds its queries to {@code phrases} and reads its occurrences at their indexes.
	 * A rule that cannot be used (saved before a syntax change) is N/A with why, the others still score.
	 */
	private ItemCheck check(RuledItem item, List<PhraseCheck> phrases) {
		Rule rule = item.rule();
		String problem = rule.problem();
		if (problem != null) {
			return (call) -> Decision.na("the rule cannot be used: " + problem);
		}
		Kind kind = rule.parsedKind();
		if (kind.isPhrase()) {
			List<PhraseCheck> own = phraseChecks(rule);
			try {
				this.checks.compile(own);
			}
			catch (InvalidSearchException ex) {
				return (call) -> Decision.na("the rule's query cannot be used: " + ex.getMessage());
			}
			int at = phrases.size();
			phrases.addAll(own);
			return new PhraseRule(rule, kind == Kind.SAID, at, (own.size() > 1) ? at + 1 : -1);
		}
		return switch (kind) {
			case SILENCE -> (call) -> silence(call, rule.maxSec());
			case TALK_OVER -> (call) -> talkOver(call, rule.maxCount(), rule.maxShare());
			case AGENT_TALK_SHARE -> (call) -> agentShare(call, rule.min(), rule.max());
			case AGENT_WPM -> (call) -> agentSpeed(call, rule.min(), rule.max());
			case WAIT -> (call) -> atMost(call.facts().waitSec(), rule.maxSec(), "wait in the queue",
					"the wait is unknown (not a queue call)");
			case HOLD -> (call) -> atMost(call.facts().holdSec(), rule.maxSec(), "on hold",
					"the hold time of this call is unknown");
			case DURATION -> (call) -> duration(call, rule.minSec(), rule.maxSec());
			case FACT -> fact(rule);
			case SAID, NOT_SAID -> throw new IllegalStateException("phrase rules are handled above");
		};
	}

	static List<PhraseCheck> phraseChecks(Rule rule) {
		var matching = Rule.parseMatching(rule.matching());
		List<PhraseCheck> checks = new ArrayList<>();
		checks.add(new PhraseCheck(rule.query(), speaker(rule.speaker()), matching));
		Rule.Window window = rule.window();
		if (window != null && Rule.parse(WindowKind.class, window.kind()) == WindowKind.AFTER) {
			checks.add(new PhraseCheck(window.after(), speaker(window.afterSpeaker()), matching));
		}
		return checks;
	}

	private static Category.Speaker speaker(@Nullable String name) {
		Speaker speaker = (name != null) ? Rule.parse(Speaker.class, name) : Speaker.ANY;
		return Category.Speaker.valueOf((speaker != null) ? speaker.name() : Speaker.ANY.name());
	}

	private static Decision silence(Call call, @Nullable Double maxSec) {
		if (!call.metrics().hasWords()) {
			return Decision.na(NO_WORDS);
		}
		Span longest = call.metrics().longestSilence();
		if (longest == null) {
			return Decision.pass("no silence: one stretch of speech", List.of());
		}
		String reason = "longest silence " + seconds(longest.length()) + " (at most " + seconds(maxSec) + ")";
		List<Evidence> evidence = List.of(new Evidence(longest.start(), longest.end(), Evidence.NOBODY,
				seconds(longest.length()) + " of silence"));
		return (longest.length() <= maxSec) ? Decision.pass(reason, evidence) : Decision.fail(reason, evidence);
	}

	private static Decision talkOver(Call call, @Nullable Integer maxCount, @Nullable Double maxShare) {
		TalkMetrics metrics = call.metrics();
		if (!metrics.hasWords()) {
			return Decision.na(NO_WORDS);
		}
		if (!metrics.twoParty()) {
			return Decision.na(MONO + ": talk-over needs a channel per party");
		}
		List<Overlap> overlaps = metrics.overlaps();
		double overlapSeconds = overlaps.stream().mapToDouble((overlap) -> overlap.span().length()).sum();
		double talk = metrics.talkSeconds();
		double share = (talk > 0) ? overlapSeconds / talk : 0;
		boolean failed = (maxCount != null && overlaps.size() > maxCount) || (maxShare != null && share > maxShare);
		String reason = overlaps.size() + " talk-over" + ((overlaps.size() == 1) ? "" : "s") + ", "
				+ percent(share) + " of the talk (at most " + limits(maxCount, maxShare) + ")";
		List<Evidence> evidence = overlaps.stream()
			.limit(MAX_EVIDENCE)
			.map((overlap) -> new Evidence(overlap.span().start(), overlap.span().end(), overlap.by(),
					wordsOf(call.transcript(), overlap.by(), overlap.span())))
			.toList();
		return failed ? Decision.fail(reason, evidence) : Decision.pass(reason, evidence);
	}

	private static String limits(@Nullable Integer maxCount, @Nullable Double maxShare) {
		List<String> limits = new ArrayList<>();
		if (maxCount != null) {
			limits.add(Integer.toString(maxCount));
		}
		if (maxShare != null) {
			limits.add(percent(maxShare));
		}
		return String.join(" and ", limits);
	}

	/** What {@code speaker} said in the span: the words whose time overlaps it. */
	private static String wordsOf(Transcript transcript, String speaker, Span span) {
		List<String> words = new ArrayList<>();
		for (Utterance utterance : transcript.utterances()) {
			if (utterance.speaker().equalsIgnoreCase(speaker) && utterance.start() < span.end()
					&& utterance.end() > span.start()) {
				for (Word word : utterance.words()) {
					if (word.start() < span.end() && word.end() > span.start()) {
						words.add(word.word());
					}
				}
			}
		}
		return String.join(" ", words);
	}

	private static Decision agentShare(Call call, @Nullable Double min, @Nullable Double max) {
		TalkMetrics metrics = call.metrics();
		if (!metrics.hasWords()) {
			return Decision.na(NO_WORDS);
		}
		if (!metrics.twoParty()) {
			return Decision.na(MONO + ": the agent's share needs a channel per party");
		}
		double total = metrics.agentSeconds() + metrics.customerSeconds();
		if (total <= 0) {
			return Decision.na("neither party's speech has times");
		}
		double share = metrics.agentSeconds() / total;
		return within(share, min, max, "the agent talked " + percent(share) + " of the talk",
				(bound) -> percent(bound));
	}

	private static Decision agentSpeed(Call call, @Nullable Double min, @Nullable Double max) {
		TalkMetrics metrics = call.metrics();
		if (!metrics.hasWords()) {
			return Decision.na(NO_WORDS);
		}
		if (!metrics.twoParty()) {
			return Decision.na(MONO + ": the agent's speed needs the agent's channel");
		}
		Double wpm = metrics.agentWordsPerMinute();
		if (wpm == null) {
			return Decision.na("the agent said nothing");
		}
		return within(wpm, min, max, "the agent spoke " + Math.round(wpm) + " words a minute",
				(bound) -> Long.toString(Math.round(bound)));
	}

	private static Decision duration(Call call, @Nullable Double minSec, @Nullable Double maxSec) {
		Double duration = call.facts().durationSec();
		if (duration == null && call.transcript().audioSec() > 0) {
			duration = call.transcript().audioSec();
		}
		if (duration == null) {
			return Decision.na("the call's duration is unknown");
		}
		return within(duration, minSec, maxSec, "the call lasted " + seconds(duration), RuleEngine::seconds);
	}

	private static Decision atMost(@Nullable Double value, @Nullable Double maxSec, String what, String unknown) {
		if (value == null) {
			return Decision.na(unknown);
		}
		String reason = what + " " + seconds(value) + " (at most " + seconds(maxSec) + ")";
		return (value <= maxSec) ? Decision.pass(reason, List.of()) : Decision.fail(reason, List.of());
	}

	private static Decision within(double value, @Nullable Double min, @Nullable Double max, String found,
			Function<Double, String> format) {
		List<String> bounds = new ArrayList<>();
		if (min != null) {
			bounds.add("at least " + format.apply(min));
		}
		if (max != null) {
			bounds.add("at most " + format.apply(max));
		}
		String reason = found + " (" + String.join(", ", bounds) + ")";
		boolean inside = (min == null || value >= min) && (max == null || value <= max);
		return inside ? Decision.pass(reason, List.of()) : Decision.fail(reason, List.of());
	}

	private static ItemCheck fact(Rule rule) {
		Fact fact = Rule.parse(Fact.class, rule.fact());
		if (fact == Fact.SURVEY) {
			double min = rule.min();
			return (call) -> {
				Integer score = call.facts().surveyScore();
				if (score == null) {
					return Decision.na("the caller answered no survey");
				}
				String reason = "survey score " + score + " (at least " + Math.round(min) + ")";
				return (score >= min) ? Decision.pass(reason, List.of()) : Decision.fail(reason, List.of());
			};
		}
		List<String> in = rule.in();
		String name = fact.name().toLowerCase(Locale.ROOT);
		return (call) -> {
			String value = switch (fact) {
				case OUTCOME -> call.facts().outcome();
				case QUEUE -> call.facts().queue();
				case DIRECTION -> call.facts().direction();
				case SURVEY -> throw new IllegalStateException("handled above");
			};
			if (value == null) {
				return Decision.na("the call has no " + name);
			}
			boolean listed = in.stream().anyMatch((wanted) -> wanted.strip().equalsIgnoreCase(value));
			String reason = name + " " + value + (listed ? " is" : " is not") + " one of " + String.join(", ", in);
			return listed ? Decision.pass(reason, List.of()) : Decision.fail(reason, List.of());
		};
	}

	static final String NO_WORDS = "no words were recognised in the call";

	static final String MONO = "mono recording";

	static String seconds(@Nullable Double seconds) {
		if (seconds == null) {
			return "?";
		}
		// As "%.1f s" has it, without a Formatter per reason: formatting cost a twentieth of a re-evaluation's CPU.
		long tenths = Math.round(Math.abs(seconds) * 10);
		return ((seconds < 0 && tenths > 0) ? "-" : "") + (tenths / 10) + "." + (tenths % 10) + " s";
	}

	static String percent(double share) {
		return Math.round(share * 100) + " %";
	}

	/** One call being scored: its transcript, talk metrics (computed once for all items) and facts. */
	record Call(Transcript transcript, TalkMetrics metrics, CallFacts facts, List<List<PhraseFound>> found) {
	}

	/** An item's outcome with its reason and evidence. */
	record Decision(RuleOutcome outcome, @Nullable String reason, List<Evidence> evidence) {

		static Decision pass(String reason, List<Evidence> evidence) {
			return new Decision(RuleOutcome.PASS, reason, evidence);
		}

		static Decision fail(String reason, List<Evidence> evidence) {
			return new Decision(RuleOutcome.FAIL, reason, evidence);
		}

		static Decision na(String reason) {
			return new Decision(RuleOutcome.NA, reason, List.of());
		}

	}

	@FunctionalInterface
	interface ItemCheck {

		Decision decide(Call call);

	}

	record CompiledItem(RuledItem item, ItemCheck check) {
	}

	/** A version's rules, ready to score any number of calls from any number of threads. */
	record CompiledVersion(RuledScorecard scorecard, List<CompiledItem> items, @Nullable CompiledChecks checks) {

		AutomaticResult evaluate(Transcript transcript, CallFacts facts) {
			List<List<PhraseFound>> found = (this.checks != null) ? this.checks.run(transcript) : List.of();
			Call call = new Call(transcript, TalkMetrics.of(transcript), facts, found);
			List<ItemResult> results = new ArrayList<>(this.items.size());
			double earned = 0;
			double possible = 0;
			boolean criticalFailed = false;
			for (CompiledItem compiled : this.items) {
				RuledItem item = compiled.item();
				Decision decision = compiled.check().decide(call);
				Double points = switch (decision.outcome()) {
					case PASS -> (double) item.maxPoints();
					case FAIL -> 0.0;
					case NA -> null;
				};
				if (points != null) {
					earned += item.weight() * points / item.maxPoints();
					possible += item.weight();
					criticalFailed |= item.critical() && decision.outcome() == RuleOutcome.FAIL;
				}
				results.add(new ItemResult(item.key(), item.label(), item.critical(), decision.outcome(), points,
						item.maxPoints(), decision.reason(), decision.evidence()));
			}
			Double score = (possible == 0) ? null
					: criticalFailed ? 0.0 : Math.round(10000 * earned / possible) / 100.0;
			boolean passed = score != null && !criticalFailed && score >= this.scorecard.passThreshold();
			return new AutomaticResult(this.scorecard.versionId(), score, passed, criticalFailed, results);
		}

	}

	/**
	 * A SAID or NOT_SAID rule: its query's occurrences (at index {@code at} of what the checks found) kept to its
	 * window, the window's anchor at {@code anchorAt} for AFTER.
	 */
	private static final class PhraseRule implements ItemCheck {

		private final boolean said;

		private final Speaker speaker;

		private final WindowKind window;

		private final @Nullable Double seconds;

		private final @Nullable String after;

		private final Speaker afterSpeaker;

		private final int at;

		private final int anchorAt;

		PhraseRule(Rule rule, boolean said, int at, int anchorAt) {
			this.said = said;
			this.speaker = orAny(rule.speaker());
			Rule.Window window = rule.window();
			this.window = (window != null && window.kind() != null) ? Rule.parse(WindowKind.class, window.kind())
					: WindowKind.ANYWHERE;
			this.seconds = (window != null) ? window.seconds() : null;
			this.after = (window != null) ? window.after() : null;
			this.afterSpeaker = (window != null) ? orAny(window.afterSpeaker()) : Speaker.ANY;
			this.at = at;
			this.anchorAt = anchorAt;
		}

		private static Speaker orAny(@Nullable String name) {
			Speaker speaker = (name != null) ? Rule.parse(Speaker.class, name) : null;
			return (speaker != null) ? speaker : Speaker.ANY;
		}

		@Override
		public Decision decide(Call call) {
			TalkMetrics metrics = call.metrics();
			if (!metrics.hasWords()) {
				return Decision.na(NO_WORDS);
			}
			if ((this.speaker != Speaker.ANY || (this.window == WindowKind.AFTER && this.afterSpeaker != Speaker.ANY))
					&& !metrics.twoParty()) {
				return Decision.na(MONO + ": the agent's and the customer's words are not apart");
			}
			List<PhraseFound> occurrences = call.found().get(this.at);
			List<PhraseFound> anchors = List.of();
			List<PhraseFound> inWindow;
			String where;
			switch (this.window) {
				case FIRST -> {
					inWindow = occurrences.stream().filter((found) -> found.startSec() < this.seconds).toList();
					where = " in the first " + seconds(this.seconds);
				}
				case LAST -> {
					double from = metrics.end() - this.seconds;
					inWindow = occurrences.stream().filter((found) -> found.endSec() > from).toList();
					where = " in the last " + seconds(this.seconds);
				}
				case AFTER -> {
					Decision notApplicable = anchorMissing(metrics, call.found().get(this.anchorAt));
					if (notApplicable != null) {
						return notApplicable;
					}
					anchors = call.found().get(this.anchorAt);
					List<PhraseFound> triggers = anchors;
					inWindow = occurrences.stream().filter((found) -> triggers.stream().anyMatch(
							(anchor) -> found.startSec() >= anchor.startSec() && (this.seconds == null
									|| found.startSec() <= anchor.endSec() + this.seconds)))
						.toList();
					where = " after '" + this.after + "'" + by(this.afterSpeaker)
							+ ((this.seconds != null) ? " (within " + seconds(this.seconds) + ")" : "");
				}
				default -> {
					inWindow = occurrences;
					where = "";
				}
			}
			String said = by(this.speaker) + where;
			if (this.said) {
				if (inWindow.isEmpty()) {
					return Decision.fail("not said" + said, evidence(anchors));
				}
				return Decision.pass("said" + said + ": '" + inWindow.get(0).words() + "'",
						evidence(concat(anchors, inWindow)));
			}
			if (inWindow.isEmpty()) {
				return Decision.pass("not said" + said, List.of());
			}
			return Decision.fail("said" + said + ": " + quoted(inWindow), evidence(inWindow));
		}

		/** Why an AFTER window does not apply: nobody who could say the anchor spoke, or it was not said. */
		private @Nullable Decision anchorMissing(TalkMetrics metrics, List<PhraseFound> anchors) {
			if (this.afterSpeaker == Speaker.CUSTOMER && !metrics.customerSpoke()) {
				return Decision.na("the customer said nothing");
			}
			if (this.afterSpeaker == Speaker.AGENT && !metrics.agentSpoke()) {
				return Decision.na("the agent said nothing");
			}
			if (anchors.isEmpty()) {
				return Decision.na("'" + this.after + "' was not said" + by(this.afterSpeaker));
			}
			return null;
		}

		private static String by(Speaker speaker) {
			return switch (speaker) {
				case ANY -> "";
				case AGENT -> " by the agent";
				case CUSTOMER -> " by the customer";
			};
		}

		private static String quoted(List<PhraseFound> found) {
			List<String> words = found.stream().map(PhraseFound::words).distinct().limit(5).map((w) -> "'" + w + "'")
				.toList();
			return String.join(", ", words);
		}

		private static List<PhraseFound> concat(List<PhraseFound> first, List<PhraseFound> second) {
			List<PhraseFound> both = new ArrayList<>(first);
			both.addAll(second);
			both.sort(java.util.Comparator.comparingDouble(PhraseFound::startSec));
			return both;
		}

		private static List<Evidence> evidence(List<PhraseFound> found) {
			return found.stream()
				.limit(MAX_EVIDENCE)
				.map((f) -> new Evidence(f.startSec(), f.endSec(), f.speaker(), f.words()))
				.toList();
		}

	}

}
