package io.callqa.qaconsole.floor;

import org.jspecify.annotations.Nullable;

/**
 * One queue's figures since midnight (the manager metrics' definitions, see the README) and its callbacks now.
 *
 * @param serviceLevelPct answered within the threshold / (offered - short abandons), null before any such call
 * @param abandonedPct abandoned / (offered - short abandons), null before any such call
 * @param callbacksDue open callback requests whose next attempt is due now
 * @param callbacksOverdue open (or dialling) callback requests past their promised time
 */
record QueueToday(String queue, long offered, long answered, long abandoned, long shortAbandoned,
		@Nullable Double serviceLevelPct, @Nullable Double abandonedPct, int callbacksDue, int callbacksOverdue) {
}
