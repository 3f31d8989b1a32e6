package io.callqa.telephony.agi;

/**
 * An AGI command failed: Asterisk refused it, or the connection to it broke.
 */
public class AgiCallException extends Exception {

	public AgiCallException(String message, Throwable cause) {
		super(message, cause);
	}

	public AgiCallException(String message) {
		super(message);
	}

}
