package io.callqa.qaconsole.autoscore;

/**
 * Not found: no re-evaluation with this id.
 */
class ReevaluationNotFoundException extends RuntimeException {

	ReevaluationNotFoundException(long id) {
		super("No re-evaluation with id " + id);
	}

}
