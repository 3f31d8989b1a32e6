package io.callqa.telephony.calls;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.Direction;

/**
 * A live call's columns as stored ({@link LiveCall#row()}), copied under the tracker's lock so it can be written
 * while events keep coming.
 */
record CallRow(String server, String linkedid, @Nullable String queue, @Nullable String agent,
		@Nullable String callerNumber, @Nullable String callerName, Direction direction, Instant startedAt,
		@Nullable Instant enteredAt, @Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Double waitSec,
		@Nullable Double talkSec, @Nullable Double durationSec, int ringNoAnswer, int transfers,
		@Nullable Integer queuePosition, @Nullable CallOutcome outcome, @Nullable String anomaly,
		@Nullable Long callbackAttemptId, @Nullable String dialStatus, @Nullable Double holdSec) {

	String state() {
		return (this.endedAt != null) ? "ENDED" : "ACTIVE";
	}

	/** The values for the insert/update statements, in the order of {@link LiveCallRepository#COLUMNS}. */
	Object[] values() {
		return new Object[] { "ASTERISK", this.server, this.linkedid, this.queue, this.agent, this.callerNumber,
				this.callerName, this.direction.name(), ts(this.startedAt), ts(this.enteredAt), ts(this.answeredAt),
				ts(this.endedAt), this.waitSec, this.talkSec, this.durationSec, this.ringNoAnswer, this.transfers,
				this.queuePosition, (this.outcome != null) ? this.outcome.name() : null, this.anomaly, state(),
				this.callbackAttemptId, this.holdSec };
	}

	CallEnded ended(long id, List<String> uniqueids) {
		return new CallEnded(id, this.server, this.linkedid, uniqueids, this.queue, this.agent, this.callerNumber,
				this.callerName, this.direction, (this.outcome != null) ? this.outcome : CallOutcome.LOST,
				this.startedAt, this.enteredAt, this.answeredAt, this.endedAt, this.waitSec, this.queuePosition,
				this.callbackAttemptId, this.dialStatus);
	}

	static @Nullable Timestamp ts(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
