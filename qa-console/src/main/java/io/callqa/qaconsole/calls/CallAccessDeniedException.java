package io.callqa.qaconsole.calls;

/**
 * An agent asked for a call that is not theirs.
 */
public class CallAccessDeniedException extends RuntimeException {

	public CallAccessDeniedException(long callId) {
		super("Call " + callId + " is not one of your calls");
	}

}
