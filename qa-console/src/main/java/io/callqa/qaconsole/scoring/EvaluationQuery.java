package io.callqa.qaconsole.scoring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which evaluations to list; every criterion is optional. The date range applies to when an evaluation was submitted
 * (drafts: created). Without a state, superseded revisions are left out.
 */
record EvaluationQuery(@Nullable String agent, @Nullable Instant from, @Nullable Instant to,
		@Nullable EvaluationState state) {

	public static EvaluationQuery of(@Nullable String agent, @Nullable EvaluationState state) {
		return new EvaluationQuery(agent, null, null, state);
	}

}
