package io.callqa.qaconsole.scoring;

/**
 * Where an evaluation is in its life: a supervisor's draft, submitted to the agent, the agent's answer, the
 * supervisor's resolution of a dispute, or replaced by a correction.
 */
enum EvaluationState {

	DRAFT, SUBMITTED, ACKNOWLEDGED, DISPUTED, RESOLVED, SUPERSEDED;

	/** A submitted evaluation that has not been replaced can be corrected by a new revision. */
	boolean correctable() {
		return this != DRAFT && this != SUPERSEDED;
	}

}
