package io.callqa.qaconsole.autoscore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Transcriptions;

/**
 * Evaluates one call: its transcript and facts against the rules of the scorecard version that scores its queue now,
 * and stores the result as the call's current automatic evaluation. The rules run outside any transaction; storing
 * is one short transaction per call, serialised per call.
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

	AutomaticEvaluator(Transcriptions transcriptions, AutomaticScoring scoring, Standards standards,
			RuledScorecards scorecards, AutomaticEvaluationRepository evaluations, TransactionTemplate transaction) {
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
	 * Evaluates the call; empty when it has no transcript (nothing to evaluate yet), or in {@code IF_MISSING} mode
	 * when it was evaluated meanwhile.
	 */
	Optional<Long> evaluate(long callId, Mode mode) {
		return evaluate(callId, mode, new Versions());
	}

	/** As {@link #evaluate(long, Mode)}, each call of the batch in turn, the version of each queue looked up once. */
	int evaluateAll(List<Long> callIds, Mode mode) {
		Versions versions = new Versions();
		int stored = 0;
		for (long callId : callIds) {
			try {
				stored += evaluate(callId, mode, versions).isPresent() ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Call {} could not be evaluated automatically: {}", callId, ex.toString());
			}
		}
		return stored;
	}

	private Optional<Long> evaluate(long callId, Mode mode, Versions versions) {
		Optional<Transcript> transcript = this.transcriptions.transcriptOf(callId);
		if (transcript.isEmpty()) {
			return Optional.empty();
		}
		CallFacts facts = this.scoring.factsOf(callId);
		long version = versions.of(facts.queue());
		AutomaticResult result = this.scoring.hasRules(version)
				? this.scoring.evaluate(version, transcript.get(), facts)
				// Stored all the same, so the sweep does not come back to the call: every item stays manual.
				: new AutomaticResult(version, null, false, false, List.of());
		Map<String, Double> weights = versions.weights(version);
		return Optional.ofNullable(this.transaction.execute((status) -> {
			this.evaluations.lockCall(callId);
			if (mode == Mode.IF_MISSING && this.evaluations.hasCurrent(callId)) {
				return null;
			}
			return this.evaluations.replace(callId, facts.agent(), result, weights);
		}));
	}

	/**
	 * Which version scores a queue now ({@link Standards#forQueue}) and the weights of its ruled items, each looked up
	 * once per batch.
	 */
	private final class Versions {

		private final Map<String, Long> byQueue = new HashMap<>();

		private final Map<Long, Map<String, Double>> weights = new HashMap<>();

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
