package io.callqa.telephony;

/**
 * A live-floor action that cannot be done: the console answers 404 (UNKNOWN_AGENT), 409 (NOT_A_MEMBER,
 * ALREADY_A_MEMBER, NO_LIVE_CALL, NO_INTERFACE) or 503 (NOT_CONNECTED, REFUSED with Asterisk's message).
 */
public class FloorActionException extends RuntimeException {

	public enum Reason {

		UNKNOWN_AGENT, NOT_A_MEMBER, ALREADY_A_MEMBER, NO_LIVE_CALL, NO_INTERFACE, NOT_CONNECTED, REFUSED

	}

	private final Reason reason;

	public FloorActionException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
