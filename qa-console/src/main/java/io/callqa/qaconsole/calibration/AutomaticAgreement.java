package io.callqa.qaconsole.calibration;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How far the automatic rules agree with the supervisors on the calls of one standard scored both ways in a period.
 *
 * @param from the period's start (calls started at or after it), null for no bound
 * @param to the period's end (calls started before it), null for no bound
 * @param versions one line per scorecard version, newest first
 */
record AutomaticAgreement(long standardId, @Nullable Instant from, @Nullable Instant to, List<Version> versions) {

	/**
	 * One scorecard version: the calls with both a current automatic evaluation and a submitted human one of this
	 * version.
	 *
	 * @param calls calls scored both ways
	 * @param pairs (automatic, human) evaluation pairs: a call evaluated by two supervisors counts twice
	 * @param agreement over all items: agreed / compared, null when nothing could be compared
	 * @param meanScoreDifference mean of automatic score minus human score over the pairs, null without pairs
	 * @param meanAbsoluteScoreDifference mean of |automatic - human| over the same pairs
	 */
	record Version(long scorecardVersionId, int version, int calls, int pairs, int compared, int agreed,
			@Nullable Double agreement, @Nullable Double meanScoreDifference,
			@Nullable Double meanAbsoluteScoreDifference, List<Item> items) {
	}

	/**
	 * One item with a rule.
	 *
	 * @param compared pairs where both sides answered (neither N/A)
	 * @param agreed compared pairs where the automatic PASS/FAIL equals the human yes/no (full points / less)
	 * @param agreement agreed / compared, null when nothing was compared
	 * @param naPairs pairs left out because one side or both were N/A
	 * @param automaticPassHumanFail the rule passed what the supervisor failed
	 * @param automaticFailHumanPass the rule failed what the supervisor passed
	 */
	record Item(String key, String label, int compared, int agreed, @Nullable Double agreement, int naPairs,
			int automaticPassHumanFail, int automaticFailHumanPass) {
	}

}
