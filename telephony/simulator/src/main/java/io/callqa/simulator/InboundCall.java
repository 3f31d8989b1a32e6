package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Renders one {@link CallScript} into the event sequence of the captured traces: the customer's Local channel pair
 * answered into {@code [inbound]} (MixMonitor, Queue), ring attempts on member Local channels, then the ending the
 * script asks for.
 */
final class InboundCall {

	private static final int UP = 6;

	private static final int RINGING = 5;

	/** queues.conf membergosub: runs on the agent's channel once answered. */
	private static final String RECORD_PARTIES_CONTEXT = "callqa-record-parties";

	private final CallScript script;

	private final SimulatedQueue queue;

	private final SimulatorIds ids;

	private final CallEventWriter w;

	private final Instant start;

	private final String linkedid;

	private final String recordingFile;

	private Leg cust1;

	private Leg cust2;

	private InboundCall(CallScript script, SimulatedQueue queue, SimulatorIds ids, String recordingDir,
			Instant start) {
		this.script = script;
		this.queue = queue;
		this.ids = ids;
		this.start = start;
		this.linkedid = ids.uniqueid(start);
		this.w = new CallEventWriter(ids, start, this.linkedid);
		this.recordingFile = recordingDir + "/" + script.prefix() + "-" + this.linkedid + ".wav";
	}

	/** The per-party files' name without {@code -agent.wav}/{@code -customer.wav}: the caller's Uniqueid. */
	private String recordingBase() {
		return this.recordingFile.substring(0, this.recordingFile.length() - ".wav".length());
	}

	static RenderedCall render(CallScript script, SimulatedQueue queue, SimulatorIds ids, String recordingDir,
			Instant now) {
		InboundCall call = new InboundCall(script, queue, ids, recordingDir, script.startOr(now));
		call.enterQueue();
		call.play();
		return new RenderedCall(call.linkedid, call.recordingFile, call.start, call.w.now(),
				new Scenario(script.kind().name().toLowerCase(), call.w.log.events()));
	}

	private void play() {
		Instant left = this.start.plus(this.script.waitTime());
		switch (this.script.kind()) {
			case ANSWERED -> {
				AgentLeg agent = answer();
				Instant end = left.plus(this.script.talkTime());
				hold(agent, end);
				hangUpAfterTalk(agent, end);
			}
			case ABANDONED -> abandon(left);
			case QUEUE_TIMEOUT -> timeout(left);
			case CALLBACK_OFFER -> pressOne(left);
			case BLIND_TRANSFER -> new Transfer(this, answer()).blind();
			case ATTENDED_TRANSFER -> new Transfer(this, answer()).attended();
			case CHANSPY -> spyAndHangUp(answer());
			case SURVEY -> agentHangsUpThenSurvey(answer(), left.plus(this.script.talkTime()));
		}
	}

	/** The lab's customer phone: Originate of Local/<exten>@customer, answered into [inbound], recorded, queued. */
	private void enterQueue() {
		String exten = switch (this.script.kind()) {
			case ABANDONED -> "custabandon";
			case QUEUE_TIMEOUT -> "custwait";
			case CHANSPY -> "custlong";
			default -> "cust";
		};
		Leg[] pair = this.w.localPair(exten, "customer", this.linkedid, this.linkedid, this.script.callerNumber(),
				this.script.callerName());
		this.cust1 = pair[0];
		this.cust2 = pair[1];
		this.w.originateDialBegin(this.cust1, exten + "@customer");
		this.w.newstate(this.cust2, UP);
		this.w.newstate(this.cust1, UP);
		this.w.originateDialEnd(this.cust1);
		this.cust1.at("inbound", "s", 1);
		this.w.newexten(this.cust1, "Answer", "");
		this.w.varSet(this.cust1, "SCN", this.script.prefix());
		// As telephony/asterisk/extensions.conf [inbound]: mixed file, per-party base for the agent's channel, the
		// queue entry time for the callback offer, Queue with c (the survey after the agent hangs up).
		this.w.mixMonitor(this.cust1, this.recordingFile);
		this.w.newexten(this.cust1, "Set", "__PERPARTY_BASE=" + recordingBase());
		this.w.newexten(this.cust1, "Set", "QUEUE_ENTERED=" + this.start.getEpochSecond());
		this.w.varSet(this.cust1, "QUEUE_ENTERED", Long.toString(this.start.getEpochSecond()));
		this.w.newexten(this.cust1, "Queue", this.queue.name() + ",tc,,,300");
		this.w.queueEvent("QueueCallerJoin", this.cust1, "Queue: " + this.queue.name(), "Position: 1", "Count: 1");
		this.w.log.call("MusicOnHoldStart", this.cust1, "Class: default");
	}

	/** Unanswered attempts share the wait evenly, then the answering member rings until start + wait. */
	private AgentLeg answer() {
		int attempts = this.script.ringNoAnswerCount() + 1;
		Duration ring = this.script.waitTime().dividedBy(attempts);
		for (int attempt = 0; attempt < attempts - 1; attempt++) {
			List<AgentLeg> ringing = ring(List.of(member(attempt)), this.start.plus(ring.multipliedBy(attempt)));
			this.w.at(this.start.plus(ring.multipliedBy(attempt + 1)));
			noAnswer(ringing, ring, true);
		}
		AgentLeg agent = ring(List.of(member(attempts - 1)), this.start.plus(ring.multipliedBy(attempts - 1))).get(0);
		this.w.at(this.start.plus(this.script.waitTime()));
		connect(agent, ring);
		return agent;
	}

	private SimulatedQueue.Member member(int attempt) {
		List<String> names = this.script.agentNames();
		if (names.isEmpty()) {
			return this.queue.members().get(attempt % this.queue.members().size());
		}
		return this.queue.member(names.get(attempt % names.size()));
	}

	private List<SimulatedQueue.Member> roundMembers(int round) {
		if (this.queue.ringsAll() && this.script.agentNames().isEmpty()) {
			// The trace rings the members in reverse order of queues.conf, as ringall did on the real server.
			List<SimulatedQueue.Member> members = new ArrayList<>(this.queue.members());
			Collections.reverse(members);
			return members;
		}
		return List.of(member(round));
	}

	List<AgentLeg> ring(List<SimulatedQueue.Member> members, Instant at) {
		this.w.at(at);
		List<AgentLeg> legs = new ArrayList<>();
		for (SimulatedQueue.Member member : members) {
			Leg[] pair = this.w.localPair(member.exten(), member.context(), this.cust1.callerNum,
					this.cust1.callerName);
			AgentLeg agent = new AgentLeg(member, pair[0], pair[1], at);
			this.w.agentEvent("AgentCalled", this.cust1, agent.one, "Queue: " + this.queue.name(),
					"Interface: " + member.location(), "MemberName: " + member.name());
			this.w.dialBegin(this.cust1, agent.one, member.location().substring("Local/".length()));
			legs.add(agent);
		}
		for (AgentLeg agent : legs) {
			agent.one.at(agent.member.context(), "s", 1);
			this.w.newstate(agent.one, RINGING);
			this.w.dialState(this.cust1, agent.one, "RINGING");
			this.w.memberStatus(this.queue.name(), agent.member, QueueModel.INUSE, false);
		}
		return legs;
	}

	/** Ring timeout: AgentRingNoAnswer and DialEnd NOANSWER for each, then the legs are torn down. */
	private void noAnswer(List<AgentLeg> ringing, Duration ring, boolean hangupPairsTogether) {
		for (AgentLeg agent : ringing) {
			this.w.agentEvent("AgentRingNoAnswer", this.cust1, agent.one, "Queue: " + this.queue.name(),
					"Interface: " + agent.member.location(), "MemberName: " + agent.member.name(),
					"RingTime: " + ring.toMillis());
		}
		for (AgentLeg agent : ringing) {
			this.w.dialEnd(this.cust1, agent.one, "NOANSWER");
		}
		cancel(ringing, hangupPairsTogether);
		for (AgentLeg agent : ringing) {
			this.w.memberStatus(this.queue.name(), agent.member, QueueModel.NOT_INUSE, false);
		}
	}

	private void cancel(List<AgentLeg> ringing, boolean hangupPairsTogether) {
		for (AgentLeg agent : ringing) {
			this.w.dialEnd(this.cust1, agent.one, "CANCEL");
			this.w.hangupRequest(agent.two, 0);
			this.w.hangup(agent.one, 0);
			if (hangupPairsTogether) {
				hangUpPhone(agent);
			}
		}
		if (!hangupPairsTogether) {
			ringing.forEach(this::hangUpPhone);
		}
	}

	private void hangUpPhone(AgentLeg agent) {
		this.w.softHangupRequest(agent.two, 16);
		this.w.hangup(agent.two, 0);
		this.w.cdr(agent.two, agent.member.exten(), agent.rang, agent.rang, "NO ANSWER");
	}

	private void connect(AgentLeg agent, Duration ring) {
		this.w.newstate(agent.two, UP);
		this.w.memberStatus(this.queue.name(), agent.member, QueueModel.INUSE, false);
		agent.one.at(agent.member.context(), "s", 1);
		this.w.newstate(agent.one, UP);
		this.w.dialEnd(this.cust1, agent.one, "ANSWER");
		this.w.log.call("MusicOnHoldStop", this.cust1);
		this.w.varSet(this.cust1, "MEMBERINTERFACE", agent.member.location());
		this.w.varSet(this.cust1, "MEMBERNAME", agent.member.name());
		this.w.queueEvent("QueueCallerLeave", this.cust1, "Queue: " + this.queue.name(), "Position: 1", "Count: 0");
		// queues.conf membergosub: per-party recording on the agent's channel, from the moment the agent answered.
		agent.one.at(RECORD_PARTIES_CONTEXT, "s", 1);
		this.w.newexten(agent.one, "GotoIf", "$[\"" + recordingBase() + "\"=\"\"]?done");
		this.w.perPartyMixMonitor(agent.one, recordingBase());
		this.w.newexten(agent.one, "Return", "");
		agent.one.at(agent.member.context(), "s", 1);
		this.w.agentEvent("AgentConnect", this.cust1, agent.one, "Queue: " + this.queue.name(),
				"Interface: " + agent.member.location(), "MemberName: " + agent.member.name(),
				"HoldTime: " + this.script.waitTime().getSeconds(), "RingTime: " + ring.getSeconds());
		agent.answered = this.w.now();
		agent.bridge = this.w.bridgeCreate();
		this.w.bridgeEnter(agent.bridge, 1, agent.one);
		this.w.bridgeEnter(agent.bridge, 2, this.cust1);
		this.w.varSet(agent.one, "BRIDGEPEER", this.cust1.channel);
		this.w.varSet(this.cust1, "BRIDGEPEER", agent.one.channel);
	}

	/** The script's holds before {@code end}: the agent's bridged channel holds, the caller hears music. */
	private void hold(AgentLeg agent, Instant end) {
		for (CallScript.Hold hold : this.script.holds()) {
			Instant from = agent.answered.plus(hold.afterAnswer());
			if (!from.isBefore(end) || from.isBefore(this.w.now())) {
				// After the talk, or inside an earlier hold: nothing Asterisk would send.
				continue;
			}
			this.w.at(from);
			this.w.log.call("Hold", agent.one, "MusicClass: default");
			this.w.log.call("MusicOnHoldStart", this.cust1, "Class: default");
			Instant until = from.plus(hold.length());
			if (until.isBefore(end)) {
				this.w.at(until);
				this.w.log.call("Unhold", agent.one);
				this.w.log.call("MusicOnHoldStop", this.cust1);
			}
		}
	}

	/** The caller hangs up at {@code end}, in the order of the inbound-answered trace. */
	void hangUpAfterTalk(AgentLeg agent, Instant end) {
		this.w.at(end);
		this.w.softHangupRequest(this.cust2, 16);
		this.w.hangupRequest(this.cust1, 16);
		this.w.hangup(this.cust2, 16);
		this.w.varSet(this.cust1, "BRIDGEPEER", "");
		this.w.bridgeLeave(agent.bridge, 1, this.cust1);
		this.w.softHangupRequest(this.cust1, 16);
		this.w.bridgeLeave(agent.bridge, 0, agent.one);
		this.w.cdr(this.cust2, this.cust2.exten, this.start, this.start, "ANSWERED");
		this.w.hangupRequest(agent.two, 16);
		this.w.bridgeDestroy(agent.bridge);
		this.w.hangup(agent.one, 16);
		this.w.hangup(this.cust1, 16);
		agentComplete(agent, "caller", false);
		this.w.softHangupRequest(agent.two, 16);
		this.w.hangup(agent.two, 16);
		this.w.cdr(this.cust1, "s", this.start, this.start, "ANSWERED");
		this.w.cdr(agent.two, agent.member.exten(), agent.rang, agent.answered, "ANSWERED");
	}

	/**
	 * AgentComplete; after the caller's Hangup Asterisk 22 sends it without the caller's channel block (trace
	 * inbound-answered), while the caller is still up it carries it (trace chanspy) - consumers must handle both.
	 */
	void agentComplete(AgentLeg agent, String reason, boolean callerStillUp) {
		List<String> lines = new ArrayList<>();
		if (callerStillUp) {
			lines.addAll(this.cust1.lines(""));
			lines.addAll(agent.one.lines("Dest"));
		}
		lines.addAll(List.of("Queue: " + this.queue.name(), "Interface: " + agent.member.location(),
				"MemberName: " + agent.member.name(), "HoldTime: " + this.script.waitTime().getSeconds(),
				"TalkTime: " + Duration.between(agent.answered, this.w.now()).getSeconds(), "Reason: " + reason));
		this.w.log.add("AgentComplete", "agent,all", lines);
		this.w.memberStatus(this.queue.name(), agent.member, QueueModel.NOT_INUSE, false);
	}

	/** Ring rounds (ring time, retry pause) until {@code end}; returns the round still ringing at the end. */
	private List<AgentLeg> ringRoundsUntil(Instant end, boolean hangupPairsTogether) {
		Duration ring = Duration.ofSeconds(this.queue.ringSeconds());
		Duration cycle = ring.plusSeconds(this.queue.retrySeconds());
		Instant round = this.start;
		for (int index = 0; round.isBefore(end); index++, round = round.plus(cycle)) {
			List<AgentLeg> ringing = ring(roundMembers(index), round);
			if (round.plus(ring).isAfter(end)) {
				return ringing;
			}
			this.w.at(round.plus(ring));
			noAnswer(ringing, ring, hangupPairsTogether);
		}
		return List.of();
	}

	private void abandon(Instant end) {
		List<AgentLeg> ringing = ringRoundsUntil(end, true);
		this.w.at(end);
		this.w.softHangupRequest(this.cust2, 16);
		this.w.hangupRequest(this.cust1, 16);
		this.w.hangup(this.cust2, 16);
		this.w.log.call("MusicOnHoldStop", this.cust1);
		ringing.forEach((agent) -> this.w.dialEnd(this.cust1, agent.one, "CANCEL"));
		for (AgentLeg agent : ringing) {
			this.w.dialEnd(this.cust1, agent.one, "CANCEL");
			this.w.hangupRequest(agent.two, 0);
			this.w.hangup(agent.one, 0);
		}
		this.w.varSet(this.cust1, "QUEUEWAIT_MS", String.valueOf(this.script.waitTime().toMillis()));
		this.w.varSet(this.cust1, "ABANDONED", "TRUE");
		callerAbandon();
		for (int index = ringing.size() - 1; index >= 0; index--) {
			hangUpPhone(ringing.get(index));
		}
		this.w.queueEvent("QueueCallerLeave", this.cust1, "Queue: " + this.queue.name(), "Position: 1", "Count: 0");
		ringing.forEach((agent) -> this.w.memberStatus(this.queue.name(), agent.member, 1, false));
		this.w.softHangupRequest(this.cust1, 16);
		this.w.hangup(this.cust1, 16);
		this.w.cdr(this.cust1, "s", this.start, this.start, "ANSWERED");
	}

	private void callerAbandon() {
		this.w.queueEvent("QueueCallerAbandon", this.cust1, "Queue: " + this.queue.name(), "Position: 1",
				"OriginalPosition: 1", "HoldTime: " + this.script.waitTime().getSeconds());
	}

	/** Queue timeout: Abandon + Leave like an abandon; only QUEUESTATUS=TIMEOUT tells them apart. */
	private void timeout(Instant end) {
		List<AgentLeg> ringing = ringRoundsUntil(end, false);
		this.w.at(end);
		if (!ringing.isEmpty()) {
			cancel(ringing, false);
		}
		this.w.varSet(this.cust1, "ABANDONED", "TRUE");
		callerAbandon();
		this.w.varSet(this.cust1, "QUEUEWAIT_MS", String.valueOf(this.script.waitTime().toMillis()));
		this.w.log.call("MusicOnHoldStop", this.cust1);
		this.w.queueEvent("QueueCallerLeave", this.cust1, "Queue: " + this.queue.name(), "Position: 1", "Count: 0");
		this.w.varSet(this.cust1, "QUEUESTATUS", "TIMEOUT");
		this.w.newexten(this.cust1, "GotoIf", "$[\"TIMEOUT\"=\"CONTINUE\"]?survey");
		this.w.newexten(this.cust1, "Playback", "all-circuits-busy-now&pls-try-call-later&goodbye");
		this.w.at(end.plusSeconds(4));
		dialplanHangsUpCaller();
	}

	/** The caller's side ends in the dialplan (Hangup()), so ;1 goes first, then the customer phone ;2. */
	private void dialplanHangsUpCaller() {
		this.w.softHangupRequest(this.cust1, 16);
		this.w.cdr(this.cust1, "s", this.start, this.start, "ANSWERED");
		this.w.hangupRequest(this.cust2, 16);
		this.w.hangup(this.cust1, 16);
		this.w.softHangupRequest(this.cust2, 16);
		this.w.hangup(this.cust2, 16);
		this.w.cdr(this.cust2, this.cust2.exten, this.start, this.start, "ANSWERED");
	}

	/**
	 * The agent hangs up at {@code end}; the caller leaves the bridge and goes on in [inbound] to the survey AGI (Queue
	 * option c), which takes a few seconds, then the dialplan hangs up: the recording closes only then.
	 */
	private void agentHangsUpThenSurvey(AgentLeg agent, Instant end) {
		this.w.at(end);
		this.w.softHangupRequest(agent.two, 16);
		this.w.hangupRequest(agent.one, 16);
		this.w.hangup(agent.two, 16);
		this.w.cdr(agent.two, agent.member.exten(), agent.rang, agent.answered, "ANSWERED");
		this.w.varSet(agent.one, "BRIDGEPEER", "");
		this.w.bridgeLeave(agent.bridge, 1, agent.one);
		this.w.hangup(agent.one, 16);
		this.w.varSet(this.cust1, "BRIDGEPEER", "");
		this.w.bridgeLeave(agent.bridge, 0, this.cust1);
		this.w.bridgeDestroy(agent.bridge);
		agentComplete(agent, "agent", true);
		this.cust1.at("inbound", "s", 4);
		this.w.newexten(this.cust1, "AGI", "agi://127.0.0.1:4573/survey?queue=" + this.queue.name());
		this.w.at(end.plusSeconds(6));
		this.w.varSet(this.cust1, "AGISTATUS", "SUCCESS");
		this.w.newexten(this.cust1, "Hangup", "");
		dialplanHangsUpCaller();
	}

	/** The caller presses 1: app_queue leaves to the queue's context (no abandon), which runs the offer AGI. */
	private void pressOne(Instant at) {
		this.w.at(at);
		this.w.log.add("DTMFBegin", "dtmf,all",
				EventLog.concat(this.cust1.lines(""), "Digit: 1", "Direction: Received"));
		this.w.log.add("DTMFEnd", "dtmf,all",
				EventLog.concat(this.cust1.lines(""), "Digit: 1", "DurationMs: 120", "Direction: Received"));
		this.w.log.call("MusicOnHoldStop", this.cust1);
		this.w.queueEvent("QueueCallerLeave", this.cust1, "Queue: " + this.queue.name(), "Position: 1", "Count: 0");
		this.w.varSet(this.cust1, "QUEUEWAIT_MS", String.valueOf(this.script.waitTime().toMillis()));
		// queues.conf context=queue-exit-<queue>; its extension 1 runs the offer (telephony/asterisk/extensions.conf).
		this.cust1.at("queue-exit-" + this.queue.name(), "1", 1);
		this.w.newexten(this.cust1, "AGI", "agi://127.0.0.1:4573/callback-offer?queue=" + this.queue.name());
		this.w.log.call("AGIExecStart", this.cust1, "Command: STREAM FILE callqa/callback-confirmed \"\"",
				"CommandId: 1");
		// What our callback-offer script's SET VARIABLE commands make Asterisk report.
		this.w.varSet(this.cust1, "CALLQA_CALLBACK_REQUESTED", "1");
		this.w.varSet(this.cust1, "CALLBACK_OFFER", "ACCEPTED");
		this.w.at(at.plusSeconds(3));
		this.w.log.call("AGIExecEnd", this.cust1, "Command: STREAM FILE callqa/callback-confirmed \"\"",
				"CommandId: 1", "ResultCode: 200", "Result: Success");
		this.w.varSet(this.cust1, "AGISTATUS", "SUCCESS");
		this.w.newexten(this.cust1, "GotoIf", "$[\"ACCEPTED\"=\"ACCEPTED\"]?accepted");
		this.w.newexten(this.cust1, "Playback", "goodbye");
		this.w.newexten(this.cust1, "Hangup", "");
		dialplanHangsUpCaller();
	}

	/** A supervisor's Local channel (its own Linkedid) runs ChanSpy on the agent's leg for the rest of the call. */
	private void spyAndHangUp(AgentLeg agent) {
		Instant end = this.w.now().plus(this.script.talkTime());
		this.w.at(this.w.now().plus(this.script.talkTime().dividedBy(4)));
		String exten = this.script.supervisorExten();
		String spyId = this.ids.uniqueid(this.w.now());
		Leg[] sup = this.w.localPair(exten, "supervisor", spyId, spyId, "900", "Supervisor");
		this.w.originateDialBegin(sup[0], exten + "@supervisor");
		this.w.newstate(sup[1], UP);
		this.w.newstate(sup[0], UP);
		this.w.originateDialEnd(sup[0]);
		this.w.newexten(sup[0], "ChanSpy", agent.one.channel + ",qE");
		List<String> spy = new ArrayList<>(sup[0].lines("Spyer"));
		spy.addAll(agent.one.lines("Spyee"));
		this.w.log.add("ChanSpyStart", "call,all", spy);
		hangUpAfterTalk(agent, end);
		this.w.log.add("ChanSpyStop", "call,all", spy);
		this.w.hangup(sup[0], 16);
		this.w.hangup(sup[1], 16);
	}

	CallEventWriter writer() {
		return this.w;
	}

	Leg caller() {
		return this.cust1;
	}

	Leg callerPhone() {
		return this.cust2;
	}

	CallScript script() {
		return this.script;
	}

	SimulatedQueue queue() {
		return this.queue;
	}

	Instant start() {
		return this.start;
	}

	/** A member's Local channel pair for one ring attempt: ;1 faces the queue, ;2 is the agent's phone. */
	static final class AgentLeg {

		final SimulatedQueue.Member member;

		final Leg one;

		final Leg two;

		final Instant rang;

		Instant answered;

		String bridge = "";

		AgentLeg(SimulatedQueue.Member member, Leg one, Leg two, Instant rang) {
			this.member = member;
			this.one = one;
			this.two = two;
			this.rang = rang;
			this.answered = rang;
		}

	}

}
