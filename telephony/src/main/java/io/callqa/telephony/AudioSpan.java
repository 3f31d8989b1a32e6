package io.callqa.telephony;

/**
 * Seconds of a recording, from its start: where a card number or security code was read aloud.
 */
public record AudioSpan(double startSec, double endSec) {

	public AudioSpan {
		if (!(startSec >= 0) || !(endSec >= startSec)) {
			throw new IllegalArgumentException("An audio span runs from 0 or later to its start or later, was "
					+ startSec + " to " + endSec);
		}
	}

}
