package io.callqa.qaconsole.rules;

import io.callqa.transcription.Transcript;

public interface AutomaticScoring {   // a Spring bean
	/** The items of this version that have a rule, evaluated (items without a rule are left out: they stay manual).
	 *  Compiled rules are cached per version id. Safe from many threads. */
	AutomaticResult evaluate(long scorecardVersionId, Transcript transcript, CallFacts facts);
	boolean hasRules(long scorecardVersionId);
	/** The call's facts from telephony (wait, hold, survey where known). */
	CallFacts factsOf(long callId);
}
