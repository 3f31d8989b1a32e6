package io.callqa.telephony;

import org.jspecify.annotations.Nullable;

/**
 * Queue call metrics of one group; averages and percentages are null when nothing was there to average.
 *
 * @param key the queue, agent, day or hour (null: calls no agent handled, when grouped by agent)
 * @param offered queue calls that ended in the range, whatever their outcome
 * @param answered calls an agent answered
 * @param abandoned callers who hung up in the queue after waiting at least the short-abandon threshold
 * @param shortAbandoned callers who hung up sooner (not counted as abandoned)
 * @param timeouts calls the queue's timeout ended (not abandons)
 * @param callbackRequested callers who left the queue asking for a callback
 * @param answeredWithinThreshold answered calls that waited at most the service-level threshold
 * @param asaSec average wait of answered calls
 * @param serviceLevelPct answeredWithinThreshold / (offered - shortAbandoned) in percent
 * @param ahtSec average talk time of answered calls (no wrap-up time is known)
 * @param maxWaitSec the longest wait of any offered call
 * @param surveyResponses survey answers with a score for these calls
 * @param averageSurveyScore their average score
 */
public record CallStats(@Nullable String key, long offered, long answered, long abandoned, long shortAbandoned,
		long timeouts, long callbackRequested, long answeredWithinThreshold, @Nullable Double asaSec,
		@Nullable Double serviceLevelPct, @Nullable Double ahtSec, @Nullable Double maxWaitSec, long surveyResponses,
		@Nullable Double averageSurveyScore) {
}
