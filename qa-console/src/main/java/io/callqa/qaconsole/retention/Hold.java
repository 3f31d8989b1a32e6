package io.callqa.qaconsole.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A legal hold on one call ({@code callId}) or on every call from or to a customer number ({@code number}, digits
 * only); active while {@code releasedAt} is null.
 */
record Hold(long id, @Nullable Long callId, @Nullable String number, String reason, String placedBy, Instant placedAt,
		@Nullable Instant releasedAt, @Nullable String releasedBy, @Nullable String releaseNote) {
}
