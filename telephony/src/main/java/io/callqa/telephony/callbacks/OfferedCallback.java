package io.callqa.telephony.callbacks;

import org.jspecify.annotations.Nullable;

/**
 * A queued caller accepted the callback offer.
 *
 * @param position the caller's position in the queue when leaving it
 * @param waitedSec how long the caller had waited in the queue
 */
record OfferedCallback(String queue, String number, @Nullable String name, @Nullable Integer position,
		@Nullable Double waitedSec) {
}
