package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The live floor driven step by step by tests: callers joining a queue, waiting, abandoning or being answered by a
 * member (AgentCalled, the member's phone ringing, AgentConnect on the member's own channel, AgentComplete), and
 * supervisors' ChanSpy channels started by an Originate. Events follow the Asterisk 22 traces
 * ({@code traces/asterisk22/queue-floor.ami}); unlike {@link InboundCall} it writes only the events a floor needs
 * (no dialplan VarSet/Newexten, no recordings).
 * <p>
 * Every method writes its events to {@code out} one by one, in wire order, so that the models have seen each event
 * before the next is built (positions, counts and counters stay exact). Callers hold the simulator's wire lock.
 */
final class FloorCalls {

	private static final Pattern CALLER_ID = Pattern.compile("\"?([^\"<]*)\"?\\s*<([^>]*)>");

	private static final int RINGING = 5;

	private static final int UP = 6;

	private final SimulatorIds ids;

	private final QueueModel queues;

	private final LiveChannels channels;

	/** Callers by the Uniqueid of their channel, while their channel lives. */
	private final Map<String, Caller> callers = new LinkedHashMap<>();

	/** Spy channels by channel name. */
	private final Map<String, Spy> spies = new LinkedHashMap<>();

	FloorCalls(SimulatorIds ids, QueueModel queues, LiveChannels channels) {
		this.ids = ids;
		this.queues = queues;
		this.channels = channels;
	}

	synchronized QueueCaller join(String queue, String number, String name, Instant now, Consumer<AmiEvent> out) {
		if (!this.queues.hasQueue(queue)) {
			throw new IllegalArgumentException("no queue " + queue);
		}
		String uniqueid = this.ids.uniqueid(now);
		Leg leg = new Leg("PJSIP/trunk-" + this.ids.localChannelNumber(), uniqueid, uniqueid, 4, "inbound", "s")
			.caller(number, name)
			.connected(number, name);
		CallEventWriter w = new CallEventWriter(this.ids, now, uniqueid);
		w.log.call("Newchannel", leg);
		w.newstate(leg, UP);
		leg.at("inbound", "s", 3);
		int count = this.queues.waiting(queue, uniqueid)[0] + 1;
		this.queues.callersWaiting(w.log, queue, count);
		w.queueEvent("QueueCallerJoin", leg, "Queue: " + queue, "Position: " + count, "Count: " + count);
		Caller caller = new Caller(new QueueCaller(queue, leg.channel, uniqueid, number, name), leg, now, count);
		this.callers.put(uniqueid, caller);
		send(w, out);
		this.channels.runs(uniqueid, "Queue", queue);
		return caller.handle;
	}

	/** The caller hangs up while waiting: QueueCallerAbandon, QueueCallerLeave, Hangup. */
	synchronized void abandon(QueueCaller handle, Instant now, Consumer<AmiEvent> out) {
		Caller caller = waiting(handle);
		CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
		int[] waiting = this.queues.waiting(handle.queue(), handle.uniqueid());
		w.queueEvent("QueueCallerAbandon", caller.leg, "Queue: " + handle.queue(), "Position: " + waiting[1],
				"OriginalPosition: " + caller.originalPosition, "HoldTime: " + seconds(caller.joined, now));
		w.queueEvent("QueueCallerLeave", caller.leg, "Queue: " + handle.queue(), "Position: " + waiting[1],
				"Count: " + (waiting[0] - 1));
		this.queues.callersWaiting(w.log, handle.queue(), waiting[0] - 1);
		w.hangup(caller.leg, 16);
		this.callers.remove(handle.uniqueid());
		send(w, out);
		stopRinging(caller, now, out);
	}

	/**
	 * The ringing member does not answer within the queue's timeout: AgentRingNoAnswer (RingTime in ms, as in
	 * trace abandoned), the member's channel hangs up, the phone is free again; the caller keeps waiting.
	 */
	synchronized void ringNoAnswer(QueueCaller handle, Instant now, Consumer<AmiEvent> out) {
		Caller caller = waiting(handle);
		Ringing ringing = ringing(caller);
		CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
		w.agentEvent("AgentRingNoAnswer", caller.leg, ringing.leg(), "Queue: " + handle.queue(),
				"Interface: " + ringing.member().iface(), "MemberName: " + ringing.member().name(),
				"RingTime: " + Duration.between(caller.rang, now).toMillis());
		send(w, out);
		stopRinging(caller, now, out);
	}

	/** A member's phone that rang for a caller who is gone or not answered: its channel hangs up, NOT_INUSE. */
	private void stopRinging(Caller caller, Instant now, Consumer<AmiEvent> out) {
		Ringing ringing = caller.ringing;
		if (ringing == null) {
			return;
		}
		CallEventWriter w = new CallEventWriter(this.ids, now, caller.leg.linkedid);
		w.hangup(ringing.leg(), 0);
		this.queues.deviceState(w.log, ringing.member().stateInterface(), DeviceState.NOT_INUSE, null);
		caller.ringing = null;
		send(w, out);
	}

	/** The caller leaves the queue without being answered nor hanging up (e.g. a key to leave a message). */
	synchronized void leave(QueueCaller handle, Instant now, Consumer<AmiEvent> out) {
		Caller caller = waiting(handle);
		CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
		int[] waiting = this.queues.waiting(handle.queue(), handle.uniqueid());
		this.queues.callersWaiting(w.log, handle.queue(), waiting[0] - 1);
		w.queueEvent("QueueCallerLeave", caller.leg, "Queue: " + handle.queue(), "Position: " + waiting[1],
				"Count: " + (waiting[0] - 1));
		caller.left = true;
		send(w, out);
		stopRinging(caller, now, out);
	}

	/**
	 * The queue rings {@code memberName} for the caller: the member's own channel (e.g. {@code PJSIP/1001-0000002a};
	 * a Local member's {@code ;1} half), AgentCalled, and the phone's device state RINGING (a Local member's device
	 * shows INUSE at once, as in the trace). Returns the member's channel.
	 */
	synchronized String ring(QueueCaller handle, String memberName, Instant now, Consumer<AmiEvent> out) {
		Caller caller = waiting(handle);
		if (caller.ringing != null) {
			throw new IllegalStateException(handle.channel() + " is already ringing " + caller.ringing.member().name());
		}
		QueueModel.MemberView member = this.queues.member(handle.queue(), memberName);
		if (member == null) {
			throw new IllegalArgumentException("no member " + memberName + " in queue " + handle.queue());
		}
		CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
		Leg agent = memberLeg(member, caller, now);
		w.log.call("Newchannel", agent);
		w.agentEvent("AgentCalled", caller.leg, agent, "Queue: " + handle.queue(), "Interface: " + member.iface(),
				"MemberName: " + member.name());
		if (member.local()) {
			this.queues.deviceState(w.log, member.stateInterface(), DeviceState.INUSE, null);
		}
		else {
			w.newstate(agent, RINGING);
			this.queues.deviceState(w.log, member.stateInterface(), DeviceState.RINGING, null);
		}
		caller.ringing = new Ringing(agent, member);
		caller.rang = now;
		send(w, out);
		this.channels.runs(agent.uniqueid, "AppQueue", "(Outgoing Line)");
		return agent.channel;
	}

	/**
	 * The ringing member answers: the phone goes INUSE, the caller leaves the queue, AgentConnect (DestChannel: the
	 * member's channel) and the two are bridged.
	 */
	synchronized void connect(QueueCaller handle, Instant now, Consumer<AmiEvent> out) {
		Caller caller = waiting(handle);
		Ringing ringing = ringing(caller);
		Leg agent = ringing.leg();
		QueueModel.MemberView member = ringing.member();
		CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
		w.newstate(agent, UP);
		if (!member.local()) {
			this.queues.deviceState(w.log, member.stateInterface(), DeviceState.INUSE, null);
		}
		int[] waiting = this.queues.waiting(handle.queue(), handle.uniqueid());
		this.queues.callersWaiting(w.log, handle.queue(), waiting[0] - 1);
		w.queueEvent("QueueCallerLeave", caller.leg, "Queue: " + handle.queue(), "Position: " + waiting[1],
				"Count: " + (waiting[0] - 1));
		w.agentEvent("AgentConnect", caller.leg, agent, "Queue: " + handle.queue(), "Interface: " + member.iface(),
				"MemberName: " + member.name(), "HoldTime: " + seconds(caller.joined, now),
				"RingTime: " + seconds(caller.rang, now));
		String bridge = w.bridgeCreate();
		w.bridgeEnter(bridge, 1, caller.leg);
		w.bridgeEnter(bridge, 2, agent);
		caller.bridge = bridge;
		caller.connected = now;
		send(w, out);
	}

	/**
	 * An answered call ends ({@code byAgent}: the member hung up first): bridge torn down, AgentComplete with the
	 * talk time, both channels hang up, the member's phone NOT_INUSE with CallsTaken counted. A caller still waiting
	 * abandons instead (a ringing member hanging up did not answer); one who left the queue just hangs up.
	 */
	synchronized void hangUp(QueueCaller handle, boolean byAgent, Instant now, Consumer<AmiEvent> out) {
		Caller caller = this.callers.get(handle.uniqueid());
		if (caller == null) {
			throw new IllegalStateException(handle.channel() + " has hung up already");
		}
		if (caller.connected == null && byAgent && caller.ringing != null && !caller.left) {
			// The ringing phone rejected the call: for the queue the member did not answer.
			ringNoAnswer(handle, now, out);
			return;
		}
		if (caller.connected == null) {
			if (caller.left) {
				CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
				w.hangup(caller.leg, 16);
				this.callers.remove(handle.uniqueid());
				send(w, out);
			}
			else {
				abandon(handle, now, out);
			}
			return;
		}
		Ringing ringing = ringing(caller);
		Leg agent = ringing.leg();
		QueueModel.MemberView member = ringing.member();
		CallEventWriter w = new CallEventWriter(this.ids, now, handle.uniqueid());
		w.bridgeLeave(caller.bridge, 1, byAgent ? agent : caller.leg);
		w.bridgeLeave(caller.bridge, 0, byAgent ? caller.leg : agent);
		w.bridgeDestroy(caller.bridge);
		List<String> complete = new ArrayList<>();
		if (byAgent) {
			// The caller is still there; after the caller hung up the trace's AgentComplete has no caller block.
			complete.addAll(caller.leg.lines(""));
		}
		complete.addAll(agent.lines("Dest"));
		complete.addAll(List.of("Queue: " + handle.queue(), "Interface: " + member.iface(),
				"MemberName: " + member.name(), "HoldTime: " + seconds(caller.joined, caller.connected),
				"TalkTime: " + seconds(caller.connected, now), "Reason: " + (byAgent ? "agent" : "caller")));
		if (!byAgent) {
			w.hangup(caller.leg, 16);
		}
		w.log.add("AgentComplete", "agent,all", complete);
		w.hangup(agent, 16);
		if (byAgent) {
			w.hangup(caller.leg, 16);
		}
		this.callers.remove(handle.uniqueid());
		send(w, out);
		// After AgentComplete is played: the member's counters (CallsTaken, LastCall) already count this call.
		EventLog log = new EventLog(now);
		this.queues.deviceState(log, member.stateInterface(), DeviceState.NOT_INUSE, false);
		log.events().forEach(out);
	}

	/** The caller of a live floor call by any of its channels (caller's or member's), or null. */
	synchronized @Nullable QueueCaller callerOf(String channel) {
		return this.callers.values()
			.stream()
			.filter((caller) -> caller.leg.channel.equals(channel)
					|| (caller.ringing != null && caller.ringing.leg().channel.equals(channel)))
			.map((caller) -> caller.handle)
			.findFirst()
			.orElse(null);
	}

	synchronized boolean isAgentChannel(String channel) {
		return this.callers.values()
			.stream()
			.anyMatch((caller) -> caller.ringing != null && caller.ringing.leg().channel.equals(channel));
	}

	/**
	 * An Originate with an Application: the supervisor's phone rings and answers (or not, per {@code outcome}), the
	 * OriginateResponse names the application, and for ChanSpy on a live channel ChanSpyStart follows.
	 */
	synchronized void originateApplication(ReceivedOriginate request, OriginateOutcome outcome, Instant now,
			Consumer<AmiEvent> out) {
		Matcher callerId = CALLER_ID.matcher(request.callerId());
		String name = callerId.find() ? callerId.group(1).trim() : request.callerId();
		String number = callerId.find(0) ? callerId.group(2) : "<unknown>";
		String uniqueid = this.ids.uniqueid(now);
		CallEventWriter w = new CallEventWriter(this.ids, now, uniqueid);
		if (outcome.result() == OriginateOutcome.Result.FAILURE) {
			response(w, request, null, outcome.reason(), number, name);
			send(w, out);
			return;
		}
		Leg leg = spyLeg(request, uniqueid, number, name);
		w.log.call("Newchannel", leg);
		// As in trace queue-floor: the originated channel dials out ("AppDial2"); the application shows no Newexten.
		w.log.add("Newexten", "dialplan,all", EventLog.concat(leg.lines(""), "Extension: " + leg.exten,
				"Application: AppDial2", "AppData: (Outgoing Line)"));
		w.newstate(leg, RINGING);
		if (!outcome.agentAnswers()) {
			boolean busy = outcome.result() == OriginateOutcome.Result.AGENT_BUSY;
			w.at(now.plus(outcome.ring()));
			w.hangup(leg, busy ? 17 : 19);
			response(w, request, null, outcome.reason(), number, name);
			send(w, out);
			return;
		}
		w.newstate(leg, UP);
		String device = device(request.channel());
		if (device != null) {
			this.queues.deviceState(w.log, device, DeviceState.INUSE, null);
		}
		response(w, request, leg, 4, number, name);
		List<String> spyee = request.spiedChannel().isEmpty() ? null
				: this.channels.channelLines(request.spiedChannel(), "Spyee");
		if (spyee != null) {
			List<String> start = new ArrayList<>(leg.lines("Spyer"));
			start.addAll(spyee);
			w.log.add("ChanSpyStart", "call,all", start);
		}
		this.spies.put(leg.channel, new Spy(leg, request, spyee, device));
		send(w, out);
		if (spyee == null && request.spyOptions().contains("u")) {
			// ChanSpy's u option names one exact channel: when it is gone ChanSpy returns at once and the phone hangs
			// up (cause 0, as Asterisk 22.10.1 did) instead of waiting in silence for a channel that never comes.
			hangUpSpy(leg.channel, 0, now, out);
			return;
		}
		// CoreShowChannels lists the spy channel running the application, so a client can resync its spies.
		this.channels.runs(leg.uniqueid, request.application(), request.data());
	}

	synchronized List<SpyChannel> spies() {
		return this.spies.values().stream().map(Spy::view).toList();
	}

	synchronized boolean isSpy(String channel) {
		return this.spies.containsKey(channel);
	}

	/**
	 * The spy channel ends: ChanSpyStop (if it was spying), Hangup with {@code cause} (16 when the supervisor puts
	 * the phone down; 0 for the AMI Hangup action, as in trace queue-floor), the phone NOT_INUSE.
	 */
	synchronized boolean hangUpSpy(String channel, int cause, Instant now, Consumer<AmiEvent> out) {
		Spy spy = this.spies.remove(channel);
		if (spy == null) {
			return false;
		}
		CallEventWriter w = new CallEventWriter(this.ids, now, spy.leg.linkedid);
		if (spy.spyee != null) {
			List<String> stop = new ArrayList<>(spy.leg.lines("Spyer"));
			stop.addAll(spy.spyee);
			w.log.add("ChanSpyStop", "call,all", stop);
		}
		w.hangup(spy.leg, cause);
		if (spy.device != null) {
			this.queues.deviceState(w.log, spy.device, DeviceState.NOT_INUSE, null);
		}
		send(w, out);
		return true;
	}

	/** ChanSpy's E option: a spy whose spied-on channel hung up ends with it. Called for every Hangup played. */
	void spiedChannelHungUp(String channel, Instant now, Consumer<AmiEvent> out) {
		List<String> ending;
		synchronized (this) {
			ending = this.spies.values()
				.stream()
				.filter((spy) -> spy.spyee != null && spy.spiedChannelName().equals(channel))
				.map((spy) -> spy.leg.channel)
				.toList();
		}
		ending.forEach((spy) -> hangUpSpy(spy, 16, now, out));
	}

	synchronized void clear() {
		this.callers.clear();
		this.spies.clear();
	}

	private static Ringing ringing(Caller caller) {
		Ringing ringing = caller.ringing;
		if (ringing == null) {
			throw new IllegalStateException(caller.handle.channel() + " is not ringing any member; ring(...) first");
		}
		return ringing;
	}

	private Caller waiting(QueueCaller handle) {
		Caller caller = this.callers.get(handle.uniqueid());
		if (caller == null || caller.connected != null || caller.left) {
			throw new IllegalStateException(handle.channel() + " is not waiting in " + handle.queue());
		}
		return caller;
	}

	/** A Local member's channel is the ;1 half of Local/<exten>@<context>-<n>; a phone's is <interface>-<n>. */
	private Leg memberLeg(QueueModel.MemberView member, Caller caller, Instant now) {
		String number = this.ids.localChannelNumber();
		String channel;
		String context;
		String exten;
		if (member.local()) {
			SimulatedQueue.Member config = new SimulatedQueue.Member(member.name(), member.iface());
			channel = "Local/" + config.exten() + "@" + config.context() + "-" + number + ";1";
			context = config.context();
			exten = "s";
		}
		else {
			channel = member.iface() + "-" + number;
			context = "from-queue";
			exten = member.iface().substring(member.iface().indexOf('/') + 1);
		}
		return new Leg(channel, this.ids.uniqueid(now), caller.leg.linkedid, 0, context, exten)
			.caller(caller.handle.callerNumber(), caller.handle.callerName())
			.connected(caller.handle.callerNumber(), caller.handle.callerName());
	}

	private Leg spyLeg(ReceivedOriginate request, String uniqueid, String number, String name) {
		String requested = request.channel();
		String channel;
		String context = "default";
		String exten = "s";
		if (requested.startsWith("Local/")) {
			SimulatedQueue.Member local = new SimulatedQueue.Member("", requested);
			channel = "Local/" + local.exten() + "@" + local.context() + "-" + this.ids.localChannelNumber() + ";1";
			context = local.context();
			exten = local.exten();
		}
		else {
			channel = requested + "-" + this.ids.localChannelNumber();
		}
		return new Leg(channel, uniqueid, uniqueid, 0, context, exten).caller(number, name).connected(number, name);
	}

	/** The device of a phone channel request ({@code PJSIP/2001}); Local channels have no device of their own here. */
	private static @Nullable String device(String requested) {
		return requested.startsWith("Local/") ? null : requested;
	}

	private static void response(CallEventWriter w, ReceivedOriginate request, @Nullable Leg leg, int reason,
			String number, String name) {
		w.log.add("OriginateResponse", "call,all",
				List.of("ActionID: " + request.actionId(), "Response: " + ((leg != null) ? "Success" : "Failure"),
						"Channel: " + ((leg != null) ? leg.channel : request.channel()),
						"Application: " + request.application(), "Data: " + request.data(), "Reason: " + reason,
						// An application Originate that made no call names no channel id (trace queue-verify).
						"Uniqueid: " + ((leg != null) ? leg.uniqueid : "<unknown>"), "CallerIDNum: " + number,
						"CallerIDName: " + name));
	}

	private static void send(CallEventWriter w, Consumer<AmiEvent> out) {
		w.log.events().forEach(out);
	}

	private static long seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).getSeconds());
	}

	private static final class Caller {

		private final QueueCaller handle;

		private final Leg leg;

		private final Instant joined;

		private final int originalPosition;

		/** The member's channel and the member, from ring() on (answered calls keep it). */
		private @Nullable Ringing ringing;

		private Instant rang;

		private @Nullable Instant connected;

		private String bridge = "";

		private boolean left;

		Caller(QueueCaller handle, Leg leg, Instant joined, int originalPosition) {
			this.handle = handle;
			this.leg = leg;
			this.joined = joined;
			this.originalPosition = originalPosition;
			this.rang = joined;
		}

	}

	private record Ringing(Leg leg, QueueModel.MemberView member) {
	}

	private record Spy(Leg leg, ReceivedOriginate request, @Nullable List<String> spyee, @Nullable String device) {

		SpyChannel view() {
			return new SpyChannel(this.leg.channel, this.leg.uniqueid, spiedChannelName(), this.request.spyOptions(),
					this.spyee != null, this.request);
		}

		/** The spied-on channel's full name once spying (ChanSpy may be given a prefix such as PJSIP/1001). */
		String spiedChannelName() {
			if (this.spyee != null) {
				for (String line : this.spyee) {
					if (line.startsWith("SpyeeChannel: ")) {
						return line.substring("SpyeeChannel: ".length());
					}
				}
			}
			return this.request.spiedChannel();
		}

	}

}
