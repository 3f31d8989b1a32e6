package io.callqa.qaconsole.calibration;

/**
 * Refused (403): the user's role, or their part in the session, does not allow this.
 */
class CalibrationRefusedException extends RuntimeException {

	CalibrationRefusedException(String message) {
		super(message);
	}

}
