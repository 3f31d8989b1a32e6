package io.callqa.transcription;

import java.time.Instant;

/**
 * Re-tagging calls after a category was added, changed or deleted: {@code total} calls are re-indexed with the
 * categories saved by then, {@code done} of them so far. {@code queued} of them were queued for the indexer by this
 * job; the others already had an outbox row the indexer reads only after the change (a re-tagging asked just before,
 * say), which the job waits for instead of indexing them twice. {@code from} and {@code to} bound the start of its
 * calls.
 */
public record RetagJob(long id, Instant from, Instant to, long total, long queued, long done, boolean finished,
		String requestedBy, Instant requestedAt) {

	public RetagJob(long id, Instant from, Instant to, long total, long queued, long done, String requestedBy,
			Instant requestedAt) {
		this(id, from, to, total, queued, done, done >= total, requestedBy, requestedAt);
	}

}
