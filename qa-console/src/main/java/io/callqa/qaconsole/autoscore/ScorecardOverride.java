package io.callqa.qaconsole.autoscore;

import java.util.Collection;
import java.util.Map;

/**
 * Calls scored with another scorecard version than their queue's (mystery-shopper test calls have a standard of their
 * own). Asked once per batch, before its rules run: an implementation may mark calls here, so a call is what it is
 * before it is scored.
 */
public interface ScorecardOverride {

	/** Of these calls, those scored with another version than their queue's, and that version's id. */
	Map<Long, Long> versionsOf(Collection<Long> callIds);

}
