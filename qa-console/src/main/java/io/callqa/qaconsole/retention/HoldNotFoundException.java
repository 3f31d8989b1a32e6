package io.callqa.qaconsole.retention;

/** No legal hold with this id. */
class HoldNotFoundException extends RuntimeException {

	HoldNotFoundException(long id) {
		super("No legal hold with id " + id);
	}

}
