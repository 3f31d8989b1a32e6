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

	AutomaticEvaluator(Transcriptions transcriptions, AutomaticScoring scoring,
			AutomaticEvaluationRepository evaluations, TransactionTemplate transaction) {
		this.transcriptions = transcriptions;
		this.scoring = scoring;
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
		return evaluate(callId, mode, new HashMap<>());
	}

	/** As {@link #evaluate(long, Mode)}, each call of the batch in turn, the version of each queue looked up once. */
	int evaluateAll(List<Long> callIds, Mode mode) {
		Map<String, Optional<Long>> versions = new HashMap<>();
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

	private Optional<Long> evaluate(long callId, Mode mode, Map<String, Optional<Long>> versions) {
		Optional<Transcript> transcript = this.transcriptions.transcriptOf(callId);
		if (transcript.isEmpty()) {
			return Optional.empty();
		}
		CallFacts facts = this.scoring.factsOf(callId);
		Optional<Long> version = versions.computeIfAbsent(key(facts.queue()),
				(queue) -> this.evaluations.versionOf(facts.queue()));
		if (version.isEmpty()) {
			log.debug("Call {}: no standard yet, not evaluated", callId);
			return Optional.empty();
		}
		AutomaticResult result = this.scoring.hasRules(version.get())
				? this.scoring.evaluate(version.get(), transcript.get(), facts)
				// Stored all the same, so the sweep does not come back to the call: every item stays manual.
				: new AutomaticResult(version.get(), null, false, false, List.of());
		return Optional.ofNullable(this.transaction.execute((status) -> {
			this.evaluations.lockCall(callId);
			if (mode == Mode.IF_MISSING && this.evaluations.hasCurrent(callId)) {
				return null;
			}
			return this.evaluations.replace(callId, facts.agent(), result);
		}));
	}

	private static String key(@Nullable String queue) {
		// Queue names never start with a NUL: the key of calls with no queue.
		return (queue != null) ? queue : "\0";
	}

}
