package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A caller waiting in a queue right now, as an AGI script sees it.
 *
 * @param callId the call's id, once it is stored (null for a few milliseconds after the call appeared)
 * @param position the caller's place in the queue now (1 is next), counted among the callers we follow
 */
public record LiveQueueEntry(@Nullable Long callId, String server, String queue, Instant enteredAt, int position,
		@Nullable String callerNumber) {
}
