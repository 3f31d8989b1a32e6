package io.callqa.transcription.jobs;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.speech.Checkpoint;

/**
 * A claimed transcription job: which recording, how many attempts count against it, this one included, and the
 * checkpoint an earlier, interrupted attempt left.
 */
record TranscriptionJob(long id, long callId, long recordingId, int attempts, int maxAttempts,
		@Nullable Checkpoint checkpoint) {

	boolean hasAttemptsLeft() {
		return this.attempts < this.maxAttempts;
	}

	/** Exponential backoff: the first retry waits {@code backoff}, each later one twice as long. */
	Duration retryDelay(Duration backoff) {
		return backoff.multipliedBy(1L << Math.min(Math.max(this.attempts - 1, 0), 16));
	}

}
