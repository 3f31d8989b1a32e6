package io.callqa.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.Direction;

/**
 * One call followed on Asterisk (every leg sharing a Linkedid), in memory while it lasts. Only the tracker's lock
 * holder touches it.
 */
final class LiveCall {

	final String server;

	final String linkedid;

	@Nullable Long id;

	final Instant startedAt;

	/** Every leg ever seen, by Uniqueid, with its channel name. */
	final Map<String, String> legs = new LinkedHashMap<>();

	final Set<String> liveLegs = new HashSet<>();

	/** Legs not yet in {@code call_leg}. */
	final List<String> unsavedLegs = new ArrayList<>();

	final List<Transfer> unsavedTransfers = new ArrayList<>();

	final Set<String> transferKeys = new HashSet<>();

	final Set<String> ringNoAnswerLegs = new HashSet<>();

	@Nullable String queue;

	@Nullable String agent;

	@Nullable String agentIface;

	@Nullable String agentLeg;

	@Nullable String callerNumber;

	@Nullable String callerName;

	@Nullable Instant enteredAt;

	@Nullable Instant leftQueueAt;

	@Nullable Instant answeredAt;

	@Nullable Instant talkEndedAt;

	@Nullable Instant endedAt;

	@Nullable Double holdSec;

	@Nullable Integer queuePosition;

	int cdrDurationSec;

	int transfers;

	boolean abandoned;

	boolean callbackRequested;

	@Nullable String queueStatus;

	@Nullable String dialStatus;

	@Nullable String originateExten;

	boolean originated;

	@Nullable Long callbackAttemptId;

	@Nullable CallOutcome outcome;

	final List<String> anomalies = new ArrayList<>();

	final List<String> unloggedAnomalies = new ArrayList<>();

	boolean endPublished;

	/** Legs whose Hangup was seen (a late Newchannel must not bring them back). */
	final Set<String> hungUp = new HashSet<>();

	/** Talk time per member interface from AgentComplete (a duplicated event overwrites its own entry). */
	final Map<String, Long> talkByMember = new LinkedHashMap<>();

	/** Its linkedid was already stored (a replay after it left memory): followed but never written again. */
	boolean shadow;

	LiveCall(String server, String linkedid, Instant startedAt) {
		this.server = server;
		this.linkedid = linkedid;
		this.startedAt = startedAt;
	}

	boolean ended() {
		return this.endedAt != null;
	}

	/** Records a leg; returns whether it was new. */
	boolean addLeg(String uniqueid, String channel) {
		if (this.legs.containsKey(uniqueid)) {
			return false;
		}
		this.legs.put(uniqueid, channel);
		this.liveLegs.add(uniqueid);
		this.unsavedLegs.add(uniqueid);
		return true;
	}

	/** Records an anomaly once; returns whether it was new. */
	boolean anomaly(String text) {
		if (this.anomalies.contains(text)) {
			return false;
		}
		this.anomalies.add(text);
		this.unloggedAnomalies.add(text);
		return true;
	}

	@Nullable String anomalyText() {
		return this.anomalies.isEmpty() ? null : String.join("; ", this.anomalies);
	}

	Direction direction() {
		if (this.callbackAttemptId != null) {
			return Direction.OUTBOUND;
		}
		if (this.queue != null) {
			return Direction.INBOUND;
		}
		// Only our connector originates calls into the dialplan; a queue call never starts that way in production.
		return this.originated ? Direction.OUTBOUND : Direction.INTERNAL;
	}

	/** How it ended, from what was seen; {@code null} while it is live. */
	@Nullable CallOutcome finalOutcome() {
		if (this.outcome != null || !ended()) {
			return this.outcome;
		}
		if (direction() == Direction.OUTBOUND) {
			return "ANSWER".equals(this.dialStatus) ? CallOutcome.CONNECTED : CallOutcome.NOT_CONNECTED;
		}
		return queueOutcome();
	}

	/** How a call whose end was not seen ended, as far as events told before the link went down. */
	CallOutcome lostOutcome() {
		CallOutcome known = finalOutcome();
		if (known == CallOutcome.ABANDONED) {
			return this.abandoned ? known : CallOutcome.LOST;
		}
		boolean evidenced = known == CallOutcome.ANSWERED || known == CallOutcome.CALLBACK_REQUESTED
				|| known == CallOutcome.TIMEOUT || known == CallOutcome.NO_AGENTS || known == CallOutcome.CONNECTED;
		return evidenced ? known : CallOutcome.LOST;
	}

	private CallOutcome queueOutcome() {
		if (this.callbackRequested) {
			return CallOutcome.CALLBACK_REQUESTED;
		}
		if (this.queue == null) {
			return CallOutcome.NOT_QUEUED;
		}
		if (this.answeredAt != null) {
			return CallOutcome.ANSWERED;
		}
		if ("TIMEOUT".equals(this.queueStatus)) {
			return CallOutcome.TIMEOUT;
		}
		if (this.queueStatus != null && (this.queueStatus.endsWith("EMPTY") || this.queueStatus.endsWith("UNAVAIL")
				|| this.queueStatus.equals("FULL"))) {
			return CallOutcome.NO_AGENTS;
		}
		return CallOutcome.ABANDONED;
	}

	/** Entered until answered, or until it left the queue unanswered; Asterisk's own HoldTime wins when given. */
	@Nullable Double waitSec() {
		if (this.holdSec != null) {
			return this.holdSec;
		}
		Instant until = (this.answeredAt != null) ? this.answeredAt
				: (this.leftQueueAt != null) ? this.leftQueueAt : this.endedAt;
		return seconds(this.enteredAt, until);
	}

	@Nullable Double talkSec() {
		if (!this.talkByMember.isEmpty()) {
			return (double) this.talkByMember.values().stream().mapToLong(Long::longValue).sum();
		}
		if (this.answeredAt == null) {
			return null;
		}
		return seconds(this.answeredAt, (this.talkEndedAt != null) ? this.talkEndedAt : this.endedAt);
	}

	@Nullable Double durationSec() {
		Double measured = seconds(this.startedAt, this.endedAt);
		if (measured == null) {
			return null;
		}
		return Math.max(measured, this.cdrDurationSec);
	}

	@Nullable String reportedCallerNumber() {
		return (direction() == Direction.OUTBOUND && this.originateExten != null) ? this.originateExten
				: this.callerNumber;
	}

	private static @Nullable Double seconds(@Nullable Instant from, @Nullable Instant to) {
		if (from == null || to == null) {
			return null;
		}
		return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
	}

	/** A transfer not yet stored. */
	record Transfer(String kind, @Nullable String fromAgent, @Nullable String toTarget, Instant at) {
	}

}
