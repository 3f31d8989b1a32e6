package io.callqa.qaconsole.retention;

/** A retention run is going on (on this server or another on the same database). */
class RunInProgressException extends RuntimeException {

	RunInProgressException() {
		super("A retention run is in progress; try again when it has finished");
	}

}
