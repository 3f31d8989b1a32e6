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

	/**
	 * Callback requests for this customer number (matched on its digits, as {@link #callsOfNumber}), oldest first,
	 * whichever call they came from.
	 */
	List<CallbackOfNumber> callbacksOfNumber(String number);

	/** The survey answers given on these calls, oldest first. */
	List<SurveyAnswerOfCall> surveyAnswers(Collection<Long> callIds);

	/**
	 * Erasure on request, in the caller's transaction: deletes what these calls say about their customer (recordings
	 * and their files, Asterisk's copies included, legs, transfers, alerts) and keeps the call rows for the statistics
	 * without the customer's number, name or Asterisk's ids; survey answers keep their score. The recording files go
	 * after the commit. The modules above erase their own rows of these calls first. Returns the calls anonymised.
	 */
	int anonymiseCalls(Collection<Long> callIds);

	/**
	 * Erasure on request, in the caller's transaction: these callback requests lose the number, name and note (and
	 * their alerts); open ones are cancelled. Their times, queue, state and attempts stay for the callback statistics.
	 */
	int anonymiseCallbacks(Collection<Long> requestIds);

	/**
	 * A callback request for a customer number.
	 * @param originCallId the call it was asked for in, if any
	 */
	record CallbackOfNumber(long id, String queue, String state, Instant requestedAt, @Nullable Long originCallId,
			@Nullable String name, @Nullable String note) {
	}

	/** A survey answer given on a call. */
	record SurveyAnswerOfCall(long id, long callId, @Nullable Integer score, Instant answeredAt) {
	}

}
