package io.callqa.telephony;

/**
 * What one row of metrics covers.
 */
public enum Grouping {

	/** One row per queue. */
	QUEUE,
	/** One row per agent; a null key collects what no agent handled (abandons, timeouts, callbacks not done). */
	AGENT,
	/** One row per calendar day in the query's time zone, key {@code 2025-03-10}. */
	DAY,
	/** One row per hour in the query's time zone, key {@code 2025-03-10T09:00}. */
	HOUR,
	/** One row for everything in the range, key {@code all} (no row when there is nothing). */
	ALL

}
