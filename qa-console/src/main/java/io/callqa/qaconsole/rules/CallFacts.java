package io.callqa.qaconsole.rules;

import org.jspecify.annotations.Nullable;

/**
 * What telephony knows of a call, for the timing and call-fact rules; null where unknown (no wait on an outbound call,
 * no survey answer, hold time is not tracked yet).
 */
public record CallFacts(long callId, @Nullable String agent, @Nullable String queue, String direction,
		@Nullable String outcome, @Nullable Double durationSec, @Nullable Double waitSec, @Nullable Double holdSec,
		@Nullable Integer surveyScore) {
}
