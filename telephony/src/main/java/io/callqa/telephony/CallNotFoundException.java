package io.callqa.telephony;

/**
 * No call has the given id.
 */
public class CallNotFoundException extends RuntimeException {

	private final long callId;

	public CallNotFoundException(long callId) {
		super("No call with id " + callId);
		this.callId = callId;
	}

	public long callId() {
		return this.callId;
	}

}
