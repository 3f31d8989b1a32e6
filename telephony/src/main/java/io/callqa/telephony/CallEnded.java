package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A call followed on Asterisk has ended and its row is final. Published after the row is committed.
 *
 * @param uniqueids every leg's Uniqueid (recording files are named by one of them)
 * @param callbackAttemptId the callback attempt that originated it, for callback calls
 * @param dialStatus the customer leg's {@code DIALSTATUS} for outbound calls ({@code ANSWER}, {@code NOANSWER},
 * {@code BUSY}, {@code CONGESTION}, {@code CHANUNAVAIL}, ...)
 */
public record CallEnded(long callId, String server, String linkedid, List<String> uniqueids, @Nullable String queue,
		@Nullable String agent, @Nullable String callerNumber, @Nullable String callerName, Direction direction,
		CallOutcome outcome, Instant startedAt, @Nullable Instant enteredAt, @Nullable Instant answeredAt,
		Instant endedAt, @Nullable Double waitSec, @Nullable Integer queuePosition, @Nullable Long callbackAttemptId,
		@Nullable String dialStatus) {

	public CallEnded {
		uniqueids = List.copyOf(uniqueids);
	}

}
