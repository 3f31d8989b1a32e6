package io.callqa.qaconsole.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * An agent's standing over a period: QA score from submitted evaluations, survey average and calls answered, and the
 * automatic average over the calls checked automatically; mystery-shopper calls count in neither average.
 *
 * @param automaticCalls calls started in the period with a current automatic score
 * @param automaticAverage their average effective automatic score; null when none
 */
record LeaderboardEntry(String agent, long evaluations, @Nullable Double averageScore, @Nullable Double surveyAverage,
		long answered, long automaticCalls, @Nullable Double automaticAverage) {
}
