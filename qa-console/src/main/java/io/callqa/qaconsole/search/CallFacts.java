package io.callqa.qaconsole.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.callqa.qaconsole.scoring.CurrentScores;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;

/**
 * What the index does not hold about a call: its outcome (known once it ends) and its current QA score (changes
 * with every evaluation), for the search filters on them. The outcome comes from telephony's {@link Calls}.
 */
@Component
class CallFacts {

	private final Calls calls;

	private final CurrentScores scores;

	CallFacts(Calls calls, CurrentScores scores) {
		this.calls = calls;
		this.scores = scores;
	}

	/** The ids among {@code callIds} whose outcome and current score pass the filters (null: no filter). */
	Set<Long> matching(List<Long> callIds, @Nullable String outcome, @Nullable Double minScore,
			@Nullable Double maxScore) {
		Set<Long> kept = new HashSet<>();
		if (callIds.isEmpty()) {
			return kept;
		}
		Map<Long, Double> current = this.scores.ofCalls(callIds);
		for (CallSummary call : this.calls.summaries(callIds).values()) {
			if (matches(call.outcome(), current.get(call.id()), outcome, minScore, maxScore)) {
				kept.add(call.id());
			}
		}
		return kept;
	}

	private static boolean matches(@Nullable String outcome, @Nullable Double score, @Nullable String wantedOutcome,
			@Nullable Double minScore, @Nullable Double maxScore) {
		boolean outcomeOk = wantedOutcome == null || wantedOutcome.equalsIgnoreCase(outcome);
		boolean scored = minScore == null && maxScore == null;
		if (!scored && score != null) {
			scored = (minScore == null || score >= minScore) && (maxScore == null || score <= maxScore);
		}
		return outcomeOk && scored;
	}

}
