package io.callqa.qaconsole.rules;

/**
 * Reads a scorecard version's rules; implemented by the standards (scoring), which own the scorecards and use this
 * package to validate rules, so this package does not depend on them.
 */
public interface RuledScorecards {

	/**
	 * The version's pass mark and ruled items (versions never change, so the result may be kept).
	 *
	 * @throws RuntimeException (the standards' "not found") if there is no such version
	 */
	RuledScorecard version(long versionId);

}
