package io.callqa.qaconsole.autoscore;

/**
 * Refused: a review that does not fit its item.
 */
class InvalidReviewException extends RuntimeException {

	InvalidReviewException(String message) {
		super(message);
	}

}
