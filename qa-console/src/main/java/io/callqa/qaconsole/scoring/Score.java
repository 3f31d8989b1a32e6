package io.callqa.qaconsole.scoring;

/**
 * The result of scoring answers: a percentage, whether it passes, and whether a critical item failed (which zeroes
 * it).
 */
record Score(double score, boolean passed, boolean criticalFailed) {

	static Score of(double score, boolean criticalFailed, double passThreshold) {
		return new Score(score, !criticalFailed && score >= passThreshold, criticalFailed);
	}

}
