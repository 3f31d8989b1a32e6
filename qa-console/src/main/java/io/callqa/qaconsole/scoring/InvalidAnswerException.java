package io.callqa.qaconsole.scoring;

/**
 * An answer does not fit the scorecard (unknown item, value out of range, N/A not allowed, missing answers).
 */
class InvalidAnswerException extends RuntimeException {

	public InvalidAnswerException(String message) {
		super(message);
	}

}
