package io.callqa.transcription.index;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Transcript;

/**
 * What is indexed for one call; metadata may be missing, and the transcript may have no utterances (silence).
 */
record IndexedCall(long callId, @Nullable String agent, @Nullable String queue, @Nullable String direction,
		@Nullable String callerNumber, @Nullable Instant startedAt, double durationSec, @Nullable String outcome,
		Transcript transcript) {
}
