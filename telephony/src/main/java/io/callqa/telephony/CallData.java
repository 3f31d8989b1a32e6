package io.callqa.telephony;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What telephony keeps of calls, found by age or by a customer's number, and deleted for retention or erasure. The
 * modules above delete their own rows of these calls first; this deletes the calls and their files last.
 */
public interface CallData {

	/**
	 * Ids of calls taken in {@code queue} ({@code null}: calls in no queue) that ended before {@code endedBefore}, above
	 * {@code afterCallId} in id order, at most {@code limit}; with {@code withRecordingOnly} only those still holding a
	 * recording.
	 */
	List<Long> endedBefore(@Nullable String queue, Instant endedBefore, boolean withRecordingOnly, long afterCallId,
			int limit);

	/** The queues calls were taken in, by name. */
	List<String> queues();

	/** Ids of the calls from or to this customer number (written with or without spaces, dashes or a plus). */
	List<Long> callsOfNumber(String number);

	/** Deletes the recordings of these calls, their files and rows; the number of files deleted. */
	int deleteRecordings(Collection<Long> callIds);

	/**
	 * Deletes every row telephony keeps of these calls (legs, transfers, recordings and their files, callback attempts,
	 * survey answers, alerts) and the calls themselves; the number of calls deleted.
	 */
	int deleteCalls(Collection<Long> callIds);

}
