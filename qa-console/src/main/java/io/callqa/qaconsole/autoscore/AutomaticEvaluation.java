package io.callqa.qaconsole.autoscore;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.qaconsole.rules.Evidence;
import io.callqa.qaconsole.rules.RuleOutcome;

/**
 * A stored automatic evaluation of a call: what the rules decided per item, as they decided it.
 *
 * @param current whether it is the call's current one (a later re-evaluation replaces it, keeping this one)
 */
record AutomaticEvaluation(long id, long callId, long scorecardVersionId, @Nullable String agent,
		@Nullable Double score, boolean passed, boolean criticalFailed, boolean current, Instant evaluatedAt,
		double passThreshold, List<Item> items) {

	/** One item with a rule, as the engine decided it. */
	record Item(String key, String label, boolean critical, RuleOutcome outcome, @Nullable Double points,
			double maxPoints, double weight, @Nullable String reason, List<Evidence> evidence) {
	}

}
