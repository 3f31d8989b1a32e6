package io.callqa.qaconsole.promises;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which promises to list, newest first; every criterion is optional.
 */
record PromiseFilter(@Nullable String agent, @Nullable String queue, @Nullable PromiseState state,
		@Nullable PromiseKind kind, @Nullable Instant from, @Nullable Instant to, int limit) {

	PromiseFilter {
		limit = Math.max(1, Math.min(limit, 1000));
	}

}
