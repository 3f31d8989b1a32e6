package io.callqa.transcription;

import java.time.Instant;

/**
 * Re-tagging the calls of a period after a category was added or changed: {@code total} calls were queued for the
 * indexer, {@code done} of them are re-tagged so far.
 */
public record RetagJob(long id, Instant from, Instant to, long total, long done, boolean finished,
		String requestedBy, Instant requestedAt) {

	public RetagJob(long id, Instant from, Instant to, long total, long done, String requestedBy, Instant requestedAt) {
		this(id, from, to, total, done, done >= total, requestedBy, requestedAt);
	}

}
