package io.callqa.qaconsole.autoscore;

/**
 * Refused: the user's role may not do this.
 */
class NotAllowedException extends RuntimeException {

	NotAllowedException(String message) {
		super(message);
	}

}
