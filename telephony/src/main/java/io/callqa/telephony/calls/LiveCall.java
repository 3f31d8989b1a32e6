package io.callqa.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.Direction;
import io.callqa.telephony.LiveQueueEntry;

/**
 * One call followed on Asterisk (every leg sharing a Linkedid), in memory while it lasts, and the rules of its
 * lifecycle: one method per thing that can happen to it, each returning whether the call changed (so it is written
 * on the next flush). Only the tracker's lock holder touches it.
 */
final class LiveCall {

	private static final String UNKNOWN = "<unknown>";

	private final String server;

	private final String linkedid;

	private @Nullable Long id;

	private final Instant startedAt;

	/** Every leg ever seen, by Uniqueid, with its channel name. */
	private final Map<String, String> legs = new LinkedHashMap<>();

	private final Set<String> liveLegs = new HashSet<>();

	/** Legs not yet in {@code call_leg}. */
	private final List<String> unsavedLegs = new ArrayList<>();

	private final List<Transfer> unsavedTransfers = new ArrayList<>();

	private final Set<String> transferKeys = new HashSet<>();

	private final Set<String> ringNoAnswerLegs = new HashSet<>();

	private @Nullable String queue;

	private @Nullable String agent;

	private @Nullable String agentIface;

	private @Nullable String agentLeg;

	private @Nullable String callerNumber;

	private @Nullable String callerName;

	private @Nullable Instant enteredAt;

	private @Nullable Instant leftQueueAt;

	private @Nullable Instant answeredAt;

	private @Nullable Instant talkEndedAt;

	private @Nullable Instant endedAt;

	private @Nullable Double holdSec;

	private @Nullable Integer queuePosition;

	/** Legs that put the call on hold and have not taken it off; while any does, the call is on hold. */
	private final Set<String> holdingLegs = new HashSet<>();

	private @Nullable Instant onHoldSince;

	/** Hold time of the holds that ended. */
	private double onHoldSec;

	private int cdrDurationSec;

	private int transfers;

	private boolean abandoned;

	private boolean callbackRequested;

	private @Nullable String queueStatus;

	private @Nullable String dialStatus;

	private @Nullable String originateExten;

	private boolean originated;

	private @Nullable Long callbackAttemptId;

	private @Nullable CallOutcome outcome;

	private final List<String> anomalies = new ArrayList<>();

	private final List<String> unloggedAnomalies = new ArrayList<>();

	private boolean endPublished;

	/** Legs whose Hangup was seen (a late Newchannel must not bring them back). */
	private final Set<String> hungUp = new HashSet<>();

	/** Talk time per member interface from AgentComplete (a duplicated event overwrites its own entry). */
	private final Map<String, Long> talkByMember = new LinkedHashMap<>();

	/** Its linkedid was already stored (a replay after it left memory): followed but never written again. */
	private boolean shadow;

	LiveCall(String server, String linkedid, Instant startedAt) {
		this.server = server;
		this.linkedid = linkedid;
		this.startedAt = startedAt;
	}

	/** A call that was ACTIVE in the database when the server stopped, followed again as it was stored. */
	LiveCall(Stored stored) {
		this(stored.server(), stored.linkedid(), stored.startedAt());
		this.id = stored.id();
		this.queue = stored.queue();
		this.agent = stored.agent();
		this.callerNumber = stored.callerNumber();
		this.callerName = stored.callerName();
		this.enteredAt = stored.enteredAt();
		this.answeredAt = stored.answeredAt();
		this.queuePosition = stored.queuePosition();
		// What was measured so far (Asterisk's HoldTime, when given) stays the wait.
		this.holdSec = stored.waitSec();
		// A hold still open when the server stopped is lost: its Unhold may come, its start is not known.
		this.onHoldSec = (stored.onHoldSec() != null) ? stored.onHoldSec() : 0;
		this.transfers = stored.transfers();
		this.callbackAttemptId = stored.callbackAttemptId();
		this.originated = stored.direction() == Direction.OUTBOUND;
		this.anomalies.addAll(stored.anomalies());
		// Counters that are sets in memory come back as opaque entries so that they keep their value.
		for (int i = 0; i < stored.ringNoAnswer(); i++) {
			this.ringNoAnswerLegs.add("restored-" + i);
		}
	}

	// ---- identity and reading ----

	String server() {
		return this.server;
	}

	String linkedid() {
		return this.linkedid;
	}

	@Nullable Long id() {
		return this.id;
	}

	boolean ended() {
		return this.endedAt != null;
	}

	boolean shadow() {
		return this.shadow;
	}

	boolean endPublished() {
		return this.endPublished;
	}

	/** Every leg's Uniqueid, in the order they were seen. */
	Set<String> legIds() {
		return Collections.unmodifiableSet(this.legs.keySet());
	}

	boolean hasLeg(String uniqueid) {
		return this.legs.containsKey(uniqueid);
	}

	/** The key it is known by among connected members after a restart, when an agent had answered it. */
	@Nullable String connectedMemberKey() {
		return (this.answeredAt != null && this.agent != null) ? memberKey(this.queue, this.agent, null) : null;
	}

	/** Waiting in a queue: entered, not yet answered, not left. */
	boolean waiting() {
		return !ended() && this.queue != null && this.enteredAt != null && this.leftQueueAt == null
				&& this.answeredAt == null;
	}

	/** Whether {@code other} waits in this call's queue and entered before it. */
	boolean waitsAhead(LiveCall other) {
		return other != this && other.waiting() && this.queue != null && this.queue.equals(other.queue)
				&& this.enteredAt != null && other.enteredAt.isBefore(this.enteredAt);
	}

	LiveQueueEntry queueEntry(int position) {
		return new LiveQueueEntry(this.id, this.server, this.queue, this.enteredAt, position, reportedCallerNumber());
	}

	/** A copy of its columns, taken under the tracker's lock so it can be written while events keep coming. */
	CallRow row() {
		return new CallRow(this.server, this.linkedid, this.queue, this.agent, reportedCallerNumber(),
				this.callerName, direction(), this.startedAt, this.enteredAt, this.answeredAt, this.endedAt,
				waitSec(), talkSec(), durationSec(), this.ringNoAnswerLegs.size(), this.transfers,
				this.queuePosition, finalOutcome(), anomalyText(), this.callbackAttemptId, this.dialStatus,
				onHoldSec());
	}

	// ---- what Asterisk reports ----

	/** Records a leg; returns whether it was new. A leg already hung up stays gone. */
	boolean addLeg(String uniqueid, String channel) {
		if (this.legs.containsKey(uniqueid)) {
			return false;
		}
		this.legs.put(uniqueid, channel);
		this.liveLegs.add(uniqueid);
		this.unsavedLegs.add(uniqueid);
		if (this.hungUp.contains(uniqueid)) {
			this.liveLegs.remove(uniqueid);
		}
		return true;
	}

	/** A leg read back from {@code call_leg} after a restart: already stored. */
	void restoreLeg(String uniqueid, String channel) {
		this.legs.put(uniqueid, channel);
		this.liveLegs.add(uniqueid);
	}

	/** The caller is who the call's first channel (Uniqueid = Linkedid) says it is. */
	boolean callerId(@Nullable String uniqueid, @Nullable String number, @Nullable String name) {
		boolean origin = this.linkedid.equals(uniqueid) || this.callerNumber == null;
		if (!origin || !known(number) || ended()) {
			return false;
		}
		if (!number.equals(this.callerNumber) || (known(name) && !name.equals(this.callerName))) {
			this.callerNumber = number;
			this.callerName = known(name) ? name : this.callerName;
			return true;
		}
		return false;
	}

	/** The few channel variables that matter; VarSet is most of the traffic and must cost nearly nothing. */
	static boolean followed(@Nullable String variable) {
		return variable != null && (variable.equals("QUEUESTATUS") || variable.equals("DIALSTATUS")
				|| variable.startsWith("CALLQA_"));
	}

	boolean variableSet(@Nullable String variable, @Nullable String value) {
		if (ended() || value == null || value.isEmpty()) {
			return false;
		}
		switch (String.valueOf(variable)) {
			case "QUEUESTATUS" -> this.queueStatus = value;
			case "DIALSTATUS" -> this.dialStatus = value;
			case "CALLQA_ATTEMPT" -> callbackAttempt(value);
			case "CALLQA_CALLBACK_REQUESTED" -> this.callbackRequested = "1".equals(value);
			// Our callback Originate names the agent it rings and the request's queue: no queue event says so.
			case "CALLQA_AGENT" -> this.agent = (this.agent != null) ? this.agent : value;
			case "CALLQA_QUEUE" -> this.queue = (this.queue != null) ? this.queue : value;
			default -> {
				return false;
			}
		}
		return true;
	}

	private void callbackAttempt(String value) {
		try {
			this.callbackAttemptId = Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			anomaly("CALLQA_ATTEMPT is not a callback attempt id: '" + value + "'");
		}
	}

	boolean joinedQueue(@Nullable String queue, @Nullable Integer position, Instant at) {
		if (ended() || this.enteredAt != null) {
			return false;
		}
		this.queue = queue;
		this.enteredAt = at;
		this.queuePosition = position;
		return true;
	}

	/** An agent's phone rang unanswered; {@code ring} tells one ring from a repeated event. */
	boolean ringUnanswered(String ring) {
		return this.ringNoAnswerLegs.add(ring);
	}

	/** Returns false for a repeated AgentConnect of the agent already connected. */
	boolean agentConnected(@Nullable String queue, @Nullable String memberName, @Nullable String iface,
			@Nullable String agentUniqueid, @Nullable Long holdTime, Instant at) {
		if (iface != null && iface.equals(this.agentIface)) {
			return false;
		}
		if (this.answeredAt == null) {
			this.answeredAt = at;
			this.holdSec = (holdTime != null) ? holdTime.doubleValue() : null;
		}
		this.agent = (memberName != null) ? memberName : iface;
		this.agentIface = iface;
		this.agentLeg = agentUniqueid;
		this.queue = (this.queue != null) ? this.queue : queue;
		return true;
	}

	void agentCompleted(@Nullable String iface, @Nullable Long talkTime, Instant at) {
		if (this.talkEndedAt == null && !ended()) {
			this.talkEndedAt = at;
		}
		if (talkTime != null) {
			this.talkByMember.put(String.valueOf(iface), talkTime);
		}
	}

	boolean abandoned(@Nullable Integer holdTime, Instant at) {
		if (this.abandoned) {
			return false;
		}
		this.abandoned = true;
		this.leftQueueAt = (this.leftQueueAt != null) ? this.leftQueueAt : at;
		if (this.answeredAt == null && holdTime != null) {
			this.holdSec = holdTime.doubleValue();
		}
		return true;
	}

	boolean leftQueue(Instant at) {
		if (this.leftQueueAt != null) {
			return false;
		}
		this.leftQueueAt = at;
		return true;
	}

	/** Queue calls are answered on AgentConnect; others (callbacks) when two parties first share a bridge. */
	boolean bridgeEntered(@Nullable Integer parties, Instant at) {
		if (this.queue == null && this.answeredAt == null && parties != null && parties >= 2) {
			this.answeredAt = at;
			return true;
		}
		return false;
	}

	/** The talk ends when the agent's leg leaves the bridge. */
	boolean bridgeLeft(@Nullable String uniqueid, Instant at) {
		if (ended() || this.answeredAt == null || this.talkEndedAt != null) {
			return false;
		}
		boolean agentLeft = this.agentLeg == null || this.agentLeg.equals(uniqueid);
		if (agentLeft) {
			this.talkEndedAt = at;
			endHold(at);
		}
		return agentLeft;
	}

	/**
	 * @param key the same for a repeated event of one transfer
	 * @param newAgent who has the call now, when known
	 */
	boolean transferred(String kind, @Nullable String target, @Nullable String newAgent, String key, Instant at) {
		if (ended() || !this.transferKeys.add(key)) {
			return false;
		}
		this.unsavedTransfers.add(new Transfer(kind, this.agent, target, at));
		this.transfers++;
		this.agent = (newAgent != null) ? newAgent : this.agent;
		return true;
	}

	/**
	 * A leg put the call on hold or took it off. Only while the parties talk (answered, talk not ended): a hold in
	 * the queue is the queue's music, not the agent's. The call is on hold while any of its legs holds it.
	 */
	boolean holdChanged(@Nullable String uniqueid, boolean held, Instant at) {
		if (uniqueid == null || ended() || this.answeredAt == null || this.talkEndedAt != null) {
			return false;
		}
		if (held) {
			if (!this.holdingLegs.add(uniqueid)) {
				return false;
			}
			if (this.onHoldSince == null) {
				this.onHoldSince = at;
			}
			return true;
		}
		return this.holdingLegs.remove(uniqueid) && this.holdingLegs.isEmpty() && endHold(at);
	}

	/** Closes the hold in progress at {@code at}; returns whether there was one. */
	private boolean endHold(Instant at) {
		if (this.onHoldSince == null) {
			return false;
		}
		Double held = seconds(this.onHoldSince, at);
		this.onHoldSec += (held != null) ? held : 0;
		this.onHoldSince = null;
		this.holdingLegs.clear();
		return true;
	}

	/** A leg hung up; returns whether it was the last live one (the call has ended). */
	boolean hungUp(String uniqueid, Instant at) {
		// Asterisk sends no Unhold for a leg that hangs up while holding.
		if (this.holdingLegs.remove(uniqueid) && this.holdingLegs.isEmpty()) {
			endHold(at);
		}
		this.hungUp.add(uniqueid);
		this.liveLegs.remove(uniqueid);
		return this.liveLegs.isEmpty();
	}

	boolean cdrDuration(@Nullable Integer duration) {
		if (duration != null && duration > this.cdrDurationSec) {
			this.cdrDurationSec = duration;
			return true;
		}
		return false;
	}

	/** An Originate into the dialplan (not straight into an application such as ChanSpy) starts an outbound call. */
	boolean originateResponded(@Nullable String uniqueid, @Nullable String exten, @Nullable String application) {
		if (!ended() && this.linkedid.equals(uniqueid) && application == null) {
			this.originated = true;
			this.originateExten = exten;
			return true;
		}
		return false;
	}

	/**
	 * The call ended at {@code at}; with an anomaly when its end was not seen (then its outcome is what the events
	 * before told, or LOST).
	 */
	void end(Instant at, @Nullable String anomaly) {
		endHold(at);
		this.endedAt = at;
		if (anomaly != null) {
			this.outcome = lostOutcome();
			anomaly(anomaly);
		}
		else {
			this.outcome = finalOutcome();
		}
	}

	/** After a resync: only the legs Asterisk still reports are live. */
	void retainLiveLegs(Set<String> alive) {
		this.liveLegs.retainAll(alive);
	}

	/** After a resync: a caller found waiting in a queue whose QueueCallerJoin was missed. */
	boolean adoptQueueEntry(@Nullable String queue, Instant enteredAt, @Nullable Integer position) {
		return joinedQueue(queue, position, enteredAt);
	}

	/** Records an anomaly once; returns whether it was new (it is logged with the call id once stored). */
	boolean anomaly(String text) {
		if (this.anomalies.contains(text)) {
			return false;
		}
		this.anomalies.add(text);
		this.unloggedAnomalies.add(text);
		return true;
	}

	// ---- writing ----

	/** The legs not yet stored, with their channels; they count as stored from now on. */
	Map<String, String> takeUnsavedLegs() {
		Map<String, String> unsaved = new LinkedHashMap<>();
		this.unsavedLegs.forEach((uniqueid) -> unsaved.put(uniqueid, this.legs.get(uniqueid)));
		this.unsavedLegs.clear();
		return unsaved;
	}

	List<Transfer> takeUnsavedTransfers() {
		List<Transfer> unsaved = List.copyOf(this.unsavedTransfers);
		this.unsavedTransfers.clear();
		return unsaved;
	}

	List<String> takeUnloggedAnomalies() {
		List<String> unlogged = List.copyOf(this.unloggedAnomalies);
		this.unloggedAnomalies.clear();
		return unlogged;
	}

	/** Writing failed: what was taken is written with the next flush, before what came since. */
	void giveBack(Set<String> legs, List<Transfer> transfers, List<String> anomalies) {
		this.unsavedLegs.addAll(0, legs);
		this.unsavedTransfers.addAll(0, transfers);
		this.unloggedAnomalies.addAll(0, anomalies);
	}

	void stored(long id) {
		this.id = id;
	}

	/** Its Linkedid was stored before: it is followed but never written again. */
	void markShadow() {
		this.shadow = true;
	}

	void markEndPublished() {
		this.endPublished = true;
	}

	// ---- derived ----

	private @Nullable String anomalyText() {
		return this.anomalies.isEmpty() ? null : String.join("; ", this.anomalies);
	}

	private Direction direction() {
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
	private @Nullable CallOutcome finalOutcome() {
		if (this.outcome != null || !ended()) {
			return this.outcome;
		}
		if (direction() == Direction.OUTBOUND) {
			return "ANSWER".equals(this.dialStatus) ? CallOutcome.CONNECTED : CallOutcome.NOT_CONNECTED;
		}
		return queueOutcome();
	}

	/** How a call whose end was not seen ended, as far as events told before the link went down. */
	private CallOutcome lostOutcome() {
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
	private @Nullable Double waitSec() {
		if (this.holdSec != null) {
			return this.holdSec;
		}
		Instant until = (this.answeredAt != null) ? this.answeredAt
				: (this.leftQueueAt != null) ? this.leftQueueAt : this.endedAt;
		return seconds(this.enteredAt, until);
	}

	/** Holds that ended; null for a call no agent answered. A hold in progress counts once it ends. */
	private @Nullable Double onHoldSec() {
		return (this.answeredAt != null) ? this.onHoldSec : null;
	}

	private @Nullable Double talkSec() {
		if (!this.talkByMember.isEmpty()) {
			return (double) this.talkByMember.values().stream().mapToLong(Long::longValue).sum();
		}
		if (this.answeredAt == null) {
			return null;
		}
		return seconds(this.answeredAt, (this.talkEndedAt != null) ? this.talkEndedAt : this.endedAt);
	}

	private @Nullable Double durationSec() {
		Double measured = seconds(this.startedAt, this.endedAt);
		if (measured == null) {
			return null;
		}
		return Math.max(measured, this.cdrDurationSec);
	}

	private @Nullable String reportedCallerNumber() {
		return (direction() == Direction.OUTBOUND && this.originateExten != null) ? this.originateExten
				: this.callerNumber;
	}

	private static @Nullable Double seconds(@Nullable Instant from, @Nullable Instant to) {
		if (from == null || to == null) {
			return null;
		}
		return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
	}

	/** Queue and member name (the interface when unnamed): what both AgentConnect and AgentComplete carry. */
	static String memberKey(@Nullable String queue, @Nullable String memberName, @Nullable String iface) {
		return queue + "|" + ((memberName != null) ? memberName : iface);
	}

	private static boolean known(@Nullable String value) {
		return value != null && !value.isEmpty() && !UNKNOWN.equals(value);
	}

	/** A transfer not yet stored. */
	record Transfer(String kind, @Nullable String fromAgent, @Nullable String toTarget, Instant at) {
	}

	/** What {@code call} keeps of a call that was live when the server stopped. */
	record Stored(long id, String server, String linkedid, Instant startedAt, @Nullable String queue,
			@Nullable String agent, @Nullable String callerNumber, @Nullable String callerName,
			@Nullable Instant enteredAt, @Nullable Instant answeredAt, @Nullable Integer queuePosition,
			@Nullable Double waitSec, int transfers, @Nullable Long callbackAttemptId, Direction direction,
			List<String> anomalies, int ringNoAnswer, @Nullable Double onHoldSec) {
	}

}
