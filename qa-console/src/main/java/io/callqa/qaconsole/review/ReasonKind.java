package io.callqa.qaconsole.review;

/**
 * Why a call is in the review queue, in the order they are looked at: a call is placed by its most urgent reason.
 */
enum ReasonKind {

	/** A critical item of the current automatic evaluation failed and nobody reviewed that item yet. */
	CRITICAL_FAILED,

	/** The agent disputed a submitted evaluation: they wait for a supervisor's answer. */
	DISPUTED,

	/** A promise's due time passed with no call that keeps it. */
	BROKEN_PROMISE,

	/** The caller rated the call under the survey's alarm threshold (a LOW_SURVEY alert). */
	LOW_SURVEY,

	/** The automatic score is under the standard's pass mark and nobody reviewed the evaluation yet. */
	LOW_AUTOMATIC_SCORE;

	int priority() {
		return ordinal() + 1;
	}

}
