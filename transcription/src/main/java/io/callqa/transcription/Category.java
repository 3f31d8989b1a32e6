package io.callqa.transcription;

import java.time.Instant;

/**
 * A saved search every call is tagged with when it matches: a name supervisors chose ("Refund request"), the query in
 * the search syntax, whose words it searches and how they match.
 */
public record Category(long id, String name, String query, Speaker speaker, Matching matching, String updatedBy,
		Instant updatedAt) {

	/** Whose words a category's query searches. */
	public enum Speaker {

		/** Everything said in the call. */
		ANY,

		/** Only what the agent said (two-channel recordings). */
		AGENT,

		/** Only what the customer said (two-channel recordings). */
		CUSTOMER

	}

}
