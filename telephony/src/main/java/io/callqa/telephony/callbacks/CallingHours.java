package io.callqa.telephony.callbacks;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The local times between which a queue's callbacks may start; an end before the start spans midnight, and equal
 * times mean always open.
 */
record CallingHours(LocalTime start, LocalTime end, ZoneId zone) {

	boolean isOpen(Instant at) {
		LocalTime time = at.atZone(this.zone).toLocalTime();
		if (this.start.equals(this.end)) {
			return true;
		}
		boolean afterStart = !time.isBefore(this.start);
		boolean beforeEnd = time.isBefore(this.end);
		return this.start.isBefore(this.end) ? afterStart && beforeEnd : afterStart || beforeEnd;
	}

	/** The next moment after {@code at} when calling hours begin. */
	Instant nextOpening(Instant at) {
		ZonedDateTime now = at.atZone(this.zone);
		ZonedDateTime opening = now.with(this.start);
		return (opening.isAfter(now) ? opening : opening.plusDays(1)).toInstant();
	}

	/** {@code at} itself when open, else the next opening. */
	Instant openFrom(Instant at) {
		return isOpen(at) ? at : nextOpening(at);
	}

}
