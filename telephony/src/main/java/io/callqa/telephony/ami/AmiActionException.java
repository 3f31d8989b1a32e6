package io.callqa.telephony.ami;

/**
 * Asterisk refused an action ({@code Response: Error}).
 */
class AmiActionException extends RuntimeException {

	public AmiActionException(String server, String action, String message) {
		super(action + " refused by Asterisk server '" + server + "': " + message);
	}

}
