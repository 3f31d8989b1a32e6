package io.callqa.qaconsole.calldata;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rows a console feature keeps per call (its SQL stays in the feature): every feature with a table that names a
 * call provides one, so retention and erasure reach it. Each method runs in the caller's transaction, before
 * transcription and telephony delete or anonymise the calls.
 */
public interface CallRows {

	/** What people or the system wrote about these calls that erasure lists (comments, quoted phrases). */
	List<Written> writtenAbout(Collection<Long> callIds);

	/**
	 * Erasure on request: removes what was written or quoted about these calls (comments, phrases, evidence) and keeps
	 * the figures the statistics need (scores, outcomes, states). Returns the rows changed.
	 */
	int erase(Collection<Long> callIds);

	/** Retention: deletes every row of these calls. Returns the rows deleted. */
	int delete(Collection<Long> callIds);

	/** Erasure on request: rows that name the customer number itself rather than a call (digits only). */
	default int eraseNumber(String digits) {
		return 0;
	}

	/**
	 * Something written about a call.
	 * @param kind what it is, e.g. {@code evaluation comment}
	 */
	record Written(String kind, long callId, @Nullable Instant at, String text) {
	}

}
