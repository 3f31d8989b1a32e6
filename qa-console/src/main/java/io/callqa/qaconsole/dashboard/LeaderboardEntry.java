package io.callqa.qaconsole.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * An agent's standing over a period: QA score from submitted evaluations, survey average and calls answered.
 */
record LeaderboardEntry(String agent, long evaluations, @Nullable Double averageScore, @Nullable Double surveyAverage,
		long answered) {
}
