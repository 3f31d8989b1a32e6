package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A promised callback.
 *
 * @param originCallId the call that asked for it (IVR offer once that call ended, abandoned call)
 * @param promisedBy when the caller was promised to be called back (for an agent's appointment: its time)
 * @param nextAttemptAt not dialled before this
 * @param assignedAgent only this agent may take it ("only me"); null: any member of the queue
 * @param requestedBy the agent who scheduled it
 */
public record CallbackRequest(long id, String queue, String number, @Nullable String name, CallbackSource source,
		@Nullable Long originCallId, Instant requestedAt, Instant promisedBy, Instant nextAttemptAt,
		@Nullable String assignedAgent, @Nullable String requestedBy, @Nullable Integer queuePosition,
		@Nullable Double waitedSec, CallbackState state, int attempts, int maxAttempts, @Nullable Instant doneAt,
		@Nullable String note) {
}
