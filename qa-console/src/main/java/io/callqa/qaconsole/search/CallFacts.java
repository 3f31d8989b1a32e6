package io.callqa.qaconsole.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	Map<Long, Fact> of(List<Long> callIds) {
		Map<Long, Fact> facts = new HashMap<>();
		if (callIds.isEmpty()) {
			return facts;
		}
		Map<Long, Double> current = this.scores.ofCalls(callIds);
		for (CallSummary call : this.calls.summaries(callIds).values()) {
			facts.put(call.id(), new Fact(call.outcome(), current.get(call.id())));
		}
		return facts;
	}

	record Fact(@Nullable String outcome, @Nullable Double score) {

		boolean matches(@Nullable String wantedOutcome, @Nullable Double minScore, @Nullable Double maxScore) {
			boolean outcomeOk = wantedOutcome == null || wantedOutcome.equalsIgnoreCase(this.outcome);
			boolean scored = minScore == null && maxScore == null;
			if (!scored && this.score != null) {
				scored = (minScore == null || this.score >= minScore) && (maxScore == null || this.score <= maxScore);
			}
			return outcomeOk && scored;
		}

	}

}
