package io.callqa.qaconsole.scoring;

/**
 * No standard (or scorecard version) has the given id.
 */
class StandardNotFoundException extends RuntimeException {

	public StandardNotFoundException(String message) {
		super(message);
	}

}
