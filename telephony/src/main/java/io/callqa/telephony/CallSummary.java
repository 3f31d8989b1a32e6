package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a call list: what a supervisor or agent scans before opening a call.
 *
 * @param surveyScore the score of the caller's latest survey answer (0-10); null if none
 * @param holdSec seconds on hold while the agent talked (AMI Hold/Unhold); null when not known (an upload, a call
 * never answered or stored before hold time was followed)
 * @param callbackRequested whether a callback request names this call as the one it was asked for in
 */
public record CallSummary(long id, String source, Instant startedAt, @Nullable Instant endedAt, @Nullable String agent,
		@Nullable String queue, @Nullable String callerNumber, @Nullable String callerName, String direction,
		@Nullable String outcome, @Nullable Double durationSec, @Nullable Double waitSec, @Nullable Double talkSec,
		@Nullable Double holdSec, boolean hasRecording, @Nullable Integer surveyScore, boolean callbackRequested) {
}
