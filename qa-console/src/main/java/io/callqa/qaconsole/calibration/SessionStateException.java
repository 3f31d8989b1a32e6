package io.callqa.qaconsole.calibration;

/**
 * Not allowed in the session's state (409): answering after submitting, or in a closed session.
 */
class SessionStateException extends RuntimeException {

	SessionStateException(String message) {
		super(message);
	}

}
