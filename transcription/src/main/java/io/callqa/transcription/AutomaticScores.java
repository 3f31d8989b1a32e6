package io.callqa.transcription;

import java.util.Collection;
import java.util.Map;

/**
 * What the index needs to know about automatic evaluations (every call checked against the rules of its standard),
 * which transcription cannot read itself: implemented by the module that evaluates calls automatically, which also
 * calls {@link Transcriptions#callsChanged} whenever a call's automatic result changes (evaluated again, an item
 * reviewed). Without an implementation every call is indexed as not evaluated automatically.
 */
public interface AutomaticScores {

	/**
	 * The automatic result of each of these calls that has one with a score; a call absent from the map has none (not
	 * evaluated yet, or no rule applied). Called once per indexing batch.
	 */
	Map<Long, Result> automaticScores(Collection<Long> callIds);

	/**
	 * A call's automatic score as it counts now: the effective one, with a supervisor's reviews applied.
	 *
	 * @param score 0-100
	 * @param criticalFailed whether a critical item failed (the score is then 0)
	 */
	record Result(double score, boolean criticalFailed) {
	}

}
