package io.callqa.qaconsole.retention;

/** No retention run with this id. */
class RunNotFoundException extends RuntimeException {

	RunNotFoundException(long id) {
		super("No retention run with id " + id);
	}

}
