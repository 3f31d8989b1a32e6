package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One try at a callback: the agent rung first, then the customer.
 *
 * @param actionId the Originate's ActionID
 * @param server the Asterisk server it was originated on
 * @param originatedAt when Asterisk reported the agent's leg up; null until then
 * @param reason Asterisk's words for an unsuccessful attempt (Originate reason, DIALSTATUS, timeout)
 * @param callId the call the attempt made, once it ended
 */
public record CallbackAttempt(long id, long requestId, int attemptNo, @Nullable String agent, String actionId,
		@Nullable String server, Instant startedAt, @Nullable Instant originatedAt, @Nullable Instant endedAt,
		@Nullable AttemptOutcome outcome, @Nullable String reason, @Nullable Long callId) {
}
