package io.callqa.qaconsole.floor;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queue's wallboard colours. Waiting callers, longest wait, abandoned today and callbacks overdue are yellow at or
 * above their yellow level and red at or above their red one; the service level today (lower is worse) is yellow
 * below its yellow level and red below its red one.
 *
 * @param queue null for the defaults
 * @param waiting callers waiting now
 * @param longestWaitSec the longest wait now, in seconds
 * @param serviceLevelPct today's service level in percent
 * @param abandonedPct today's abandoned calls in percent of the calls offered (short abandons left out)
 * @param callbacksOverdue open callbacks past their promised time
 * @param updatedBy who set them (null: the defaults)
 */
record QueueThresholds(@Nullable String queue, Level waiting, Level longestWaitSec, Level serviceLevelPct,
		Level abandonedPct, Level callbacksOverdue, @Nullable String updatedBy, @Nullable Instant updatedAt) {
}
