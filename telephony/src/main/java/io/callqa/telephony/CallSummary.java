package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a call list: what a supervisor or agent scans before opening a call.
 */
public record CallSummary(long id, String source, Instant startedAt, @Nullable Instant endedAt, @Nullable String agent,
		@Nullable String queue, @Nullable String callerNumber, @Nullable String callerName, String direction,
		@Nullable String outcome, @Nullable Double durationSec, @Nullable Double waitSec, @Nullable Double talkSec,
		boolean hasRecording) {
}
