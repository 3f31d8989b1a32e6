package io.callqa.telephony;

import org.jspecify.annotations.Nullable;

/**
 * Callback metrics of one group; averages and percentages are null when nothing was there to average.
 *
 * @param key the queue, agent (of the successful attempt), day or hour
 * @param requested callback requests made in the range
 * @param done those in state DONE
 * @param firstAttemptAvgSec average seconds from request to its first attempt
 * @param firstAttemptP90Sec 90th percentile (nearest rank) of the same
 * @param punctualityAvgSec average seconds of the successful attempt's start after the promised time (negative: early)
 * @param attemptsPerRequest attempts per request that had at least one
 * @param firstAttemptSuccessPct requests whose first attempt was answered, of those with at least one attempt
 * @param doneWithinPromisePct requests done by an attempt started by the promised time, of those not cancelled
 * @param abandonedCallers callers who abandoned a queue in the range (short abandons excluded)
 * @param abandonedCallersReached those reached later (their callback done, or a later answered call)
 */
public record CallbackStats(@Nullable String key, long requested, long done, @Nullable Double firstAttemptAvgSec,
		@Nullable Double firstAttemptP90Sec, @Nullable Double punctualityAvgSec, @Nullable Double attemptsPerRequest,
		@Nullable Double firstAttemptSuccessPct, @Nullable Double doneWithinPromisePct, long abandonedCallers,
		long abandonedCallersReached) {
}
