package io.callqa.telephony.agi;

/**
 * The caller hung up while the script was talking to them: expected, not an error.
 */
public class CallerHungUpException extends AgiCallException {

	public CallerHungUpException(String message, Throwable cause) {
		super(message, cause);
	}

	public CallerHungUpException(String message) {
		super(message);
	}

}
