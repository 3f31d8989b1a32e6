package io.callqa.qaconsole.calibration;

/**
 * No such session, or the user takes no part in it (both 404: a session's existence is not shown to outsiders).
 */
class SessionNotFoundException extends RuntimeException {

	SessionNotFoundException(long id) {
		super("No calibration session " + id + " of yours");
	}

}
