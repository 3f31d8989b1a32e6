package io.callqa.qaconsole.autoscore;

/**
 * Refused: a review made on an evaluation that a re-evaluation replaced.
 */
class StaleEvaluationException extends RuntimeException {

	StaleEvaluationException(String message) {
		super(message);
	}

}
