package io.callqa.qaconsole.autoscore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.qaconsole.rules.AutomaticResult;
import io.callqa.qaconsole.rules.AutomaticScoring;
import io.callqa.qaconsole.rules.CallFacts;
import io.callqa.qaconsole.rules.RuledItem;
import io.callqa.qaconsole.rules.RuledScorecards;
import io.callqa.qaconsole.scoring.Standards;
import io.callqa.telephony.CallNotFoundException;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Transcriptions;

/**
 * Evaluates calls in batches (the listener's batch may be one call): their transcripts and facts against the rules of
 * the scorecard version that scores each one's queue now, stored as the calls' current automatic evaluations. A batch
 * is read in two queries, its rules run outside any transaction, and it is stored in one transaction of a few
 * statements, serialised per call.
 */
@Service
class AutomaticEvaluator {

	private static final Logger log = LoggerFactory.getLogger(AutomaticEvaluator.class);

	private final Transcriptions transcriptions;

	private final AutomaticScoring scoring;

	private final AutomaticEvaluationRepository evaluations;

	private final TransactionTemplate transaction;

	private final Standards standards;

	private final RuledScorecards scorecards;

	private final List<ScorecardOverride> overrides;

	AutomaticEvaluator(Transcriptions transcriptions, AutomaticScoring scoring, Standards standards,
			RuledScorecards scorecards, AutomaticEvaluationRepository evaluations, TransactionTemplate transaction,
			List<ScorecardOverride> overrides) {
		this.overrides = overrides;
		this.transcriptions = transcriptions;
		this.scoring = scoring;
		this.standards = standards;
		this.scorecards = scorecards;
		this.evaluations = evaluations;
		this.transaction = transaction;
	}

	/** Whether an evaluation the call already has is replaced or kept. */
	enum Mode {

		/** A new transcript or a re-evaluation: the result becomes the current evaluation. */
		REPLACE,

		/** The sweep: only a call that has no current evaluation (the listener may have been first) gets one. */
		IF_MISSING

	}

	/**
	 * Evaluates the calls that have a transcript (the others have nothing to evaluate yet) and stores the results in
	 * one transaction; in {@code IF_MISSING} mode a call evaluated meanwhile keeps its evaluation. A call that cannot
	 * be evaluated is logged and left out; the others are stored all the same.
	 *
	 * @return how many evaluations were stored
	 */
	int evaluateAll(List<Long> callIds, Mode mode) {
		if (callIds.isEmpty()) {
			return 0;
		}
		// Two queries for the whole batch: one call at a time, reading cost more than the rules.
		Map<Long, Transcript> transcripts = this.transcriptions.transcriptsOf(callIds);
		Map<Long, CallFacts> facts = transcripts.isEmpty() ? Map.of() : this.scoring.factsOf(transcripts.keySet());
		Versions versions = new Versions(transcripts.keySet());
		List<AutomaticEvaluationRepository.Scored> scored = new ArrayList<>(transcripts.size());
		// A call listed twice would be stored twice in one statement: two current evaluations.
		for (long callId : new LinkedHashSet<>(callIds)) {
			Transcript transcript = transcripts.get(callId);
			if (transcript == null) {
				continue;
			}
			try {
				scored.add(score(callId, transcript, facts.get(callId), versions));
			}
			catch (RuntimeException ex) {
				log.warn("Call {} could not be evaluated automatically: {}", callId, ex.toString());
			}
		}
		if (scored.isEmpty()) {
			return 0;
		}
		try {
			return store(scored, mode);
		}
		catch (RuntimeException ex) {
			if (scored.size() == 1) {
				log.warn("Call {} could not be evaluated automatically: {}", scored.get(0).callId(), ex.toString());
				return 0;
			}
			// One bad call must not cost the batch: each is stored on its own, and only the bad one is lost.
			int stored = 0;
			for (AutomaticEvaluationRepository.Scored one : scored) {
				try {
					stored += store(List.of(one), mode);
				}
				catch (RuntimeException oneEx) {
					log.warn("Call {} could not be evaluated automatically: {}", one.callId(), oneEx.toString());
				}
			}
			return stored;
		}
	}

	private AutomaticEvaluationRepository.Scored score(long callId, Transcript transcript, @Nullable CallFacts facts,
			Versions versions) {
		if (facts == null) {
			throw new CallNotFoundException(callId);
		}
		long version = versions.of(callId, facts.queue());
		// A call no agent answered (abandoned, timed out in the queue) has no conversation to check: it is stored all
		// the same, as one without rules, so the sweep does not come back to it and no score of 100 is made up.
		AutomaticResult result = (facts.agent() != null && this.scoring.hasRules(version))
				? this.scoring.evaluate(version, transcript, facts)
				// Stored all the same, so the sweep does not come back to the call: every item stays manual.
				: new AutomaticResult(version, null, false, false, List.of());
		return new AutomaticEvaluationRepository.Scored(callId, facts.agent(), result, versions.weights(version));
	}

	/**
	 * One transaction for the batch, each of its calls locked (the listener, the sweep and a re-evaluation may meet on
	 * a call), so {@code IF_MISSING} sees an evaluation stored meanwhile.
	 */
	private int store(List<AutomaticEvaluationRepository.Scored> scored, Mode mode) {
		Integer stored = this.transaction.execute((status) -> {
			List<Long> callIds = scored.stream().map(AutomaticEvaluationRepository.Scored::callId).toList();
			this.evaluations.lockCalls(callIds);
			List<AutomaticEvaluationRepository.Scored> toStore = scored;
			if (mode == Mode.IF_MISSING) {
				Set<Long> evaluated = this.evaluations.withCurrent(callIds);
				toStore = scored.stream().filter((one) -> !evaluated.contains(one.callId())).toList();
			}
			this.evaluations.replaceAll(toStore);
			this.transcriptions.callsChanged(toStore.stream().map(AutomaticEvaluationRepository.Scored::callId).toList());
			return toStore.size();
		});
		return (stored != null) ? stored : 0;
	}

	/**
	 * Which version scores a queue now ({@link Standards#forQueue}) and the weights of its ruled items, each looked up
	 * once per batch; the calls a {@link ScorecardOverride} scores otherwise (mystery-shopper calls), asked once.
	 */
	private final class Versions {

		private final Map<String, Long> byQueue = new HashMap<>();

		private final Map<Long, Map<String, Double>> weights = new HashMap<>();

		private final Map<Long, Long> byCall = new HashMap<>();

		Versions(java.util.Collection<Long> callIds) {
			if (!callIds.isEmpty()) {
				AutomaticEvaluator.this.overrides.forEach((override) -> this.byCall.putAll(override.versionsOf(callIds)));
			}
		}

		long of(long callId, @Nullable String queue) {
			Long override = this.byCall.get(callId);
			return (override != null) ? override : of(queue);
		}

		long of(@Nullable String queue) {
			// Queue names never start with a NUL: the key of calls with no queue.
			return this.byQueue.computeIfAbsent((queue != null) ? queue : "\0",
					(key) -> AutomaticEvaluator.this.standards.forQueue(queue).id());
		}

		Map<String, Double> weights(long versionId) {
			return this.weights.computeIfAbsent(versionId, (id) -> {
				Map<String, Double> byKey = new HashMap<>();
				for (RuledItem item : AutomaticEvaluator.this.scorecards.version(id).items()) {
					byKey.put(item.key(), item.weight());
				}
				return byKey;
			});
		}

	}

}
