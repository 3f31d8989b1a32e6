package io.callqa.transcription.jobs;

import java.time.Duration;

/**
 * A claimed transcription job: which recording, and how many attempts it has had, this one included.
 */
record TranscriptionJob(long id, long callId, long recordingId, int attempts, int maxAttempts) {

	boolean hasAttemptsLeft() {
		return this.attempts < this.maxAttempts;
	}

	/** Exponential backoff: the first retry waits {@code backoff}, each later one twice as long. */
	Duration retryDelay(Duration backoff) {
		return backoff.multipliedBy(1L << Math.min(Math.max(this.attempts - 1, 0), 16));
	}

}
