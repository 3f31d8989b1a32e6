package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which calls to list, newest first; every criterion is optional.
 */
public record CallFilter(@Nullable String agent, @Nullable String queue, @Nullable Instant from, @Nullable Instant to,
		@Nullable String outcome, @Nullable String callerNumber, int limit, int offset) {

	public CallFilter {
		limit = Math.max(1, Math.min(limit, 500));
		offset = Math.max(0, offset);
	}

}
