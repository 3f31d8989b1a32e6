package io.callqa.telephony.ami;

/**
 * Asterisk refused an action ({@code Response: Error}).
 */
public class AmiActionException extends RuntimeException {

	private final String asteriskMessage;

	public AmiActionException(String server, String action, String message) {
		super(action + " refused by Asterisk server '" + server + "': " + message);
		this.asteriskMessage = String.valueOf(message);
	}

	/** What Asterisk answered, e.g. {@code Interface not found}. */
	public String asteriskMessage() {
		return this.asteriskMessage;
	}

}
