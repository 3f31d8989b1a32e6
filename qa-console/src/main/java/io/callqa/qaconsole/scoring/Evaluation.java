package io.callqa.qaconsole.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A supervisor's evaluation of one call against one scorecard version. Only a draft takes answers; once submitted
 * its answers and score never change, and a correction is a new revision that supersedes it.
 */
record Evaluation(long id, long callId, long scorecardVersionId, @Nullable String agent, String evaluator,
		int revision, @Nullable Long supersedesId, EvaluationState state, @Nullable Double score,
		@Nullable Boolean passed, boolean criticalFailed, @Nullable String comment, Instant createdAt,
		@Nullable Instant submittedAt, @Nullable String agentComment, @Nullable Instant respondedAt,
		@Nullable String resolutionComment, @Nullable Instant resolvedAt, List<Answer> items) {

	public Evaluation {
		items = List.copyOf(items);
	}

	Map<String, Answer> answers() {
		return Scorecard.byKey(this.items);
	}

	void checkEditable() {
		if (this.state != EvaluationState.DRAFT) {
			throw new EvaluationStateException("Evaluation " + this.id + " is " + this.state
					+ ": it can no longer be changed; make a correction (a new revision) instead");
		}
	}

	void checkAwaitingAgent() {
		check(this.state == EvaluationState.SUBMITTED, "acknowledged or disputed");
	}

	void checkDisputed() {
		check(this.state == EvaluationState.DISPUTED, "resolved (only a disputed one is)");
	}

	void checkCorrectable() {
		check(this.state.correctable(), "corrected (only a submitted revision that was not replaced is)");
	}

	private void check(boolean allowed, String what) {
		if (!allowed) {
			throw new EvaluationStateException("Evaluation " + this.id + " is " + this.state + " and cannot be " + what);
		}
	}

}
