package io.callqa.qaconsole.scoring;

/**
 * No evaluation has the given id.
 */
class EvaluationNotFoundException extends RuntimeException {

	public EvaluationNotFoundException(long id) {
		super("No evaluation with id " + id);
	}

}
