package io.callqa.telephony.callbacks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.CallbackSource;

/**
 * A callback request about to be stored.
 */
record NewRequest(String queue, String number, @Nullable String name, CallbackSource source,
		@Nullable Long originCallId, Instant requestedAt, Instant promisedBy, Instant nextAttemptAt,
		@Nullable String assignedAgent, @Nullable String requestedBy, @Nullable Integer queuePosition,
		@Nullable Double waitedSec, int maxAttempts, @Nullable String note) {
}
