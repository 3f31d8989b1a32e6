package io.callqa.qaconsole.scoring;

import io.callqa.qaconsole.rules.RuledScorecard;

/**
 * The default standard's rules as the engine reads them, for tests and benchmarks of the rules without a database.
 */
public final class DefaultStandardRules {

	private DefaultStandardRules() {
	}

	public static RuledScorecard of(long versionId) {
		return ScorecardRules.of(versionId, DefaultStandard.scorecard());
	}

}
