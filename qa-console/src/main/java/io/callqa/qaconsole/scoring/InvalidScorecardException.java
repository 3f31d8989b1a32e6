package io.callqa.qaconsole.scoring;

/**
 * A scorecard definition is not usable (no items, duplicate keys, bad weights or threshold).
 */
class InvalidScorecardException extends RuntimeException {

	public InvalidScorecardException(String message) {
		super(message);
	}

}
