package io.callqa.qaconsole.rules;

import java.util.Collection;
import java.util.Map;

import io.callqa.transcription.Transcript;

/**
 * Scores calls automatically with the rules of a scorecard version's items.
 */
public interface AutomaticScoring {

	/**
	 * The items of this version that have a rule, evaluated (items without a rule are left out: they stay manual).
	 * Compiled rules are cached per version id. Safe from many threads.
	 *
	 * @throws RuntimeException (the standards' own "not found") if there is no such version
	 */
	AutomaticResult evaluate(long scorecardVersionId, Transcript transcript, CallFacts facts);

	boolean hasRules(long scorecardVersionId);

	/**
	 * The call's facts from telephony (wait, hold, survey where known).
	 *
	 * @throws io.callqa.telephony.CallNotFoundException if there is no such call
	 */
	CallFacts factsOf(long callId);

	/** The facts of these calls in one query, by call id; a call telephony does not know is left out. */
	Map<Long, CallFacts> factsOf(Collection<Long> callIds);

}
