package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which alerts to list; every null component matches all.
 *
 * @param from created at or after this
 * @param to created before this
 */
public record AlertFilter(@Nullable AlertKind kind, @Nullable String queue, @Nullable String agent,
		@Nullable Instant from, @Nullable Instant to) {

	/** Matches every alert. */
	public static AlertFilter any() {
		return new AlertFilter(null, null, null, null, null);
	}

	public static AlertFilter ofKind(AlertKind kind) {
		return new AlertFilter(kind, null, null, null, null);
	}

}
