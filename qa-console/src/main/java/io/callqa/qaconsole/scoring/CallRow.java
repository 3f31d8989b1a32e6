package io.callqa.qaconsole.scoring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What scoring needs to know about a call (telephony owns the table; scoring only reads it).
 */
record CallRow(long id, @Nullable String agent, @Nullable String queue, Instant startedAt,
		@Nullable Double durationSec) {

}
