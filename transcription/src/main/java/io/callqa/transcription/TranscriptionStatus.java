package io.callqa.transcription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a call's transcription stands.
 *
 * @param state QUEUED, RUNNING, DONE or FAILED
 * @param reason why it failed, or why the last attempt failed if it will be retried
 * @param encoding the recording's encoding as its header says, once read
 * @param truncated DONE on part of the file: its header declares more audio than it holds
 * @param note what to know about a DONE transcription, e.g. why it is truncated
 */
public record TranscriptionStatus(String state, int attempts, int maxAttempts, @Nullable String reason,
		@Nullable String encoding, @Nullable Integer sampleRate, @Nullable Integer channels,
		@Nullable Double audioSec, Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		boolean truncated, @Nullable String note) {

	public boolean failed() {
		return "FAILED".equals(this.state);
	}

}
