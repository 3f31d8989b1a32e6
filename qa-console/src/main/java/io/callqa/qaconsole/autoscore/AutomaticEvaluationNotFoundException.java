package io.callqa.qaconsole.autoscore;

/**
 * Not found: the call has no automatic evaluation (yet).
 */
class AutomaticEvaluationNotFoundException extends RuntimeException {

	AutomaticEvaluationNotFoundException(long callId) {
		super("Call " + callId + " has no automatic evaluation yet (not transcribed yet, or being evaluated)");
	}

}
