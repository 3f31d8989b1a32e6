package io.callqa.transcription;

import java.util.Collection;
import java.util.Map;

/**
 * What the index needs to know about QA evaluations, which transcription cannot read itself (they belong to a module
 * that depends on this one): implemented by the module that scores calls, which also calls
 * {@link Transcriptions#callChanged(long)} whenever a call's current score changes. Without an implementation every
 * call is indexed as not evaluated.
 */
public interface CallScores {

	/**
	 * The current QA score (0-100) of each of these calls that has one; a call absent from the map has not been
	 * evaluated (or its evaluation is being corrected). Called once per indexing batch.
	 */
	Map<Long, Double> currentScores(Collection<Long> callIds);

}
