package io.callqa.qaconsole.scoring;

/**
 * The evaluation's state does not allow the change, e.g. editing a submitted evaluation or disputing a draft.
 */
class EvaluationStateException extends RuntimeException {

	public EvaluationStateException(String message) {
		super(message);
	}

}
