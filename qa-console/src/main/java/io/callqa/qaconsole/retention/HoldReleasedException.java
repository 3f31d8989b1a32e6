package io.callqa.qaconsole.retention;

/** A hold released already cannot be released again (its first release stays on record). */
class HoldReleasedException extends RuntimeException {

	HoldReleasedException(Hold hold) {
		super("Legal hold " + hold.id() + " was released already, by " + hold.releasedBy() + " at " + hold.releasedAt());
	}

}
