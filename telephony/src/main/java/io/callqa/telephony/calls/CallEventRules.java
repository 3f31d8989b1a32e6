package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.jspecify.annotations.Nullable;

/**
 * What each AMI event means for a call: the rules of the call lifecycle, one small method per event type. Called
 * under the tracker's lock.
 */
final class CallEventRules {

	private static final String UNKNOWN = "<unknown>";

	/** Handlers by exact event class: every other event costs one map lookup. */
	private final Map<Class<?>, Handler> handlers = new HashMap<>();

	private final TrackedQueueMembers members;

	CallEventRules(TrackedQueueMembers members) {
		this.members = members;
		register();
	}

	@Nullable Handler handler(Class<?> type) {
		return this.handlers.get(type);
	}

	private void register() {
		on(NewChannelEvent.class, (calls, e, at) -> newChannel(calls, e.getLinkedid(), e.getUniqueId(), e.getChannel(),
				e.getCallerIdNum(), e.getCallerIdName(), at));
		on(NewCallerIdEvent.class, (calls, e, at) -> callerId(calls, e.getLinkedId(), e.getUniqueId(), e.getChannel(),
				e.getCallerIdNum(), e.getCallerIdName(), at));
		on(NewConnectedLineEvent.class, (calls, e, at) -> callerId(calls, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getCallerIdNum(), e.getCallerIdName(), at));
		on(VarSetEvent.class, this::varSet);
		on(QueueCallerJoinEvent.class, this::queueJoin);
		on(AgentCalledEvent.class, (calls, e, at) -> calls.call(e.getLinkedId(), e.getUniqueId(), e.getChannel(),
				"AgentCalled", at));
		on(AgentRingNoAnswerEvent.class, this::ringNoAnswer);
		on(AgentConnectEvent.class, this::agentConnect);
		on(AgentCompleteEvent.class, this::agentComplete);
		on(QueueCallerAbandonEvent.class, this::queueAbandon);
		on(QueueCallerLeaveEvent.class, this::queueLeave);
		on(BridgeEnterEvent.class, this::bridgeEnter);
		on(BridgeLeaveEvent.class, this::bridgeLeave);
		on(BlindTransferEvent.class, this::blindTransfer);
		on(AttendedTransferEvent.class, this::attendedTransfer);
		on(HangupEvent.class, this::hangup);
		on(CdrEvent.class, this::cdr);
		on(OriginateResponseEvent.class, this::originateResponse);
		on(QueueMemberStatusEvent.class, (calls, e, at) -> this.members.update(calls.server, e, at));
		on(QueueMemberAddedEvent.class, (calls, e, at) -> this.members.added(calls.server, e, at));
		on(QueueMemberRemovedEvent.class, (calls, e, at) -> this.members.removed(calls.server, e));
		on(QueueMemberPausedEvent.class, (calls, e, at) -> this.members.paused(calls.server, e, at));
		on(QueueMemberPauseEvent.class, (calls, e, at) -> this.members.paused(calls.server, e, at));
	}

	private <E extends ManagerEvent> void on(Class<E> type, TypedHandler<E> handler) {
		this.handlers.put(type, (calls, event, at) -> handler.handle(calls, type.cast(event), at));
	}

	private void newChannel(ServerCalls calls, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String number, @Nullable String name, Instant at) {
		LiveCall call = calls.call((linkedid != null) ? linkedid : uniqueid, uniqueid, channel, null, at);
		if (call != null) {
			callerId(calls, call, uniqueid, number, name);
		}
	}

	private void callerId(ServerCalls calls, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String number, @Nullable String name, Instant at) {
		LiveCall call = calls.call(linkedid, uniqueid, channel, "NewCallerid", at);
		if (call != null) {
			callerId(calls, call, uniqueid, number, name);
		}
	}

	/** The caller is who the call's first channel (Uniqueid = Linkedid) says it is. */
	static void callerId(ServerCalls calls, LiveCall call, @Nullable String uniqueid, @Nullable String number, @Nullable String name) {
		boolean origin = call.linkedid.equals(uniqueid) || call.callerNumber == null;
		if (!origin || !known(number) || call.ended()) {
			return;
		}
		if (!number.equals(call.callerNumber) || (known(name) && !name.equals(call.callerName))) {
			call.callerNumber = number;
			call.callerName = known(name) ? name : call.callerName;
			calls.touch(call);
		}
	}

	private void varSet(ServerCalls calls, VarSetEvent event, Instant at) {
		String variable = event.getVariable();
		LiveCall call = calls.find(event.getLinkedId(), event.getUniqueId());
		String value = event.getValue();
		if (call == null || call.ended() || value == null || value.isEmpty()) {
			return;
		}
		switch (String.valueOf(variable)) {
			case "QUEUESTATUS" -> call.queueStatus = value;
			case "DIALSTATUS" -> call.dialStatus = value;
			case "CALLQA_ATTEMPT" -> callbackAttempt(calls, call, value);
			case "CALLQA_CALLBACK_REQUESTED" -> call.callbackRequested = "1".equals(value);
			// Our callback Originate names the agent it rings and the request's queue: no queue event says so.
			case "CALLQA_AGENT" -> call.agent = (call.agent != null) ? call.agent : value;
			case "CALLQA_QUEUE" -> call.queue = (call.queue != null) ? call.queue : value;
			default -> {
				return;
			}
		}
		calls.touch(call);
	}

	/** The few channel variables that matter; VarSet is most of the traffic and must cost nearly nothing. */
	static boolean followed(@Nullable String variable) {
		return variable != null && (variable.equals("QUEUESTATUS") || variable.equals("DIALSTATUS")
				|| variable.startsWith("CALLQA_"));
	}

	private static void callbackAttempt(ServerCalls calls, LiveCall call, String value) {
		try {
			call.callbackAttemptId = Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			calls.anomaly(call, "CALLQA_ATTEMPT is not a callback attempt id: '" + value + "'");
		}
	}

	private void queueJoin(ServerCalls calls, QueueCallerJoinEvent event, Instant at) {
		LiveCall call = calls.call(event.getLinkedId(), event.getUniqueId(), event.getChannel(), "QueueCallerJoin",
				at);
		if (call == null || call.enteredAt != null) {
			return;
		}
		call.queue = event.getQueue();
		call.enteredAt = at;
		call.queuePosition = event.getPosition();
		calls.touch(call);
	}

	private void ringNoAnswer(ServerCalls calls, AgentRingNoAnswerEvent event, Instant at) {
		LiveCall call = calls.call(event.getLinkedId(), event.getUniqueId(), event.getChannel(), "AgentRingNoAnswer",
				at);
		String ring = (event.getDestUniqueId() != null) ? event.getDestUniqueId() : event.getInterface() + "@" + at;
		if (call != null && call.ringNoAnswerLegs.add(ring)) {
			calls.touch(call);
		}
	}

	private void agentConnect(ServerCalls calls, AgentConnectEvent event, Instant at) {
		LiveCall call = calls.call(event.getLinkedId(), event.getUniqueId(), event.getChannel(), "AgentConnect", at);
		if (call == null || event.getInterface() != null && event.getInterface().equals(call.agentIface)) {
			return;
		}
		if (call.answeredAt == null) {
			call.answeredAt = at;
			call.holdSec = (event.getHoldTime() != null) ? event.getHoldTime().doubleValue() : null;
		}
		call.agent = (event.getMemberName() != null) ? event.getMemberName() : event.getInterface();
		call.agentIface = event.getInterface();
		call.agentLeg = event.getDestUniqueId();
		call.queue = (call.queue != null) ? call.queue : event.getQueue();
		calls.byConnectedMember.put(memberKey(event.getQueue(), event.getMemberName(), event.getInterface()), call);
		this.members.inCall(calls.server, event.getQueue(), event.getInterface(), true, at);
		calls.touch(call);
	}

	private void agentComplete(ServerCalls calls, AgentCompleteEvent event, Instant at) {
		String member = memberKey(event.getQueue(), event.getMemberName(), event.getInterface());
		LiveCall call = calls.find(event.getLinkedId(), event.getUniqueId());
		call = (call != null) ? call : calls.byConnectedMember.get(member);
		this.members.inCall(calls.server, event.getQueue(), event.getInterface(), false, at);
		if (call == null) {
			return;
		}
		calls.byConnectedMember.remove(member, call);
		if (call.talkEndedAt == null && !call.ended()) {
			call.talkEndedAt = at;
		}
		if (event.getTalkTime() != null) {
			call.talkByMember.put(String.valueOf(event.getInterface()), event.getTalkTime());
		}
		calls.touch(call);
	}

	private void queueAbandon(ServerCalls calls, QueueCallerAbandonEvent event, Instant at) {
		LiveCall call = calls.call(event.getLinkedId(), event.getUniqueId(), event.getChannel(),
				"QueueCallerAbandon", at);
		if (call == null || call.abandoned) {
			return;
		}
		call.abandoned = true;
		call.leftQueueAt = (call.leftQueueAt != null) ? call.leftQueueAt : at;
		if (call.answeredAt == null && event.getHoldTime() != null) {
			call.holdSec = event.getHoldTime().doubleValue();
		}
		calls.touch(call);
	}

	private void queueLeave(ServerCalls calls, QueueCallerLeaveEvent event, Instant at) {
		LiveCall call = calls.call(event.getLinkedId(), event.getUniqueId(), event.getChannel(), "QueueCallerLeave",
				at);
		if (call != null && call.leftQueueAt == null) {
			call.leftQueueAt = at;
			calls.touch(call);
		}
	}

	private void bridgeEnter(ServerCalls calls, BridgeEnterEvent event, Instant at) {
		LiveCall call = calls.call(event.getLinkedId(), event.getUniqueId(), event.getChannel(), "BridgeEnter", at);
		Integer parties = event.getBridgeNumChannels();
		// Queue calls are answered on AgentConnect; others (callbacks) when two parties first share a bridge.
		if (call != null && call.queue == null && call.answeredAt == null && parties != null && parties >= 2) {
			call.answeredAt = at;
			calls.touch(call);
		}
	}

	private void bridgeLeave(ServerCalls calls, BridgeLeaveEvent event, Instant at) {
		LiveCall call = calls.find(event.getLinkedId(), event.getUniqueId());
		if (call == null || call.ended() || call.answeredAt == null || call.talkEndedAt != null) {
			return;
		}
		boolean agentLeft = call.agentLeg == null || call.agentLeg.equals(event.getUniqueId());
		if (agentLeft) {
			call.talkEndedAt = at;
			calls.touch(call);
		}
	}

	private void blindTransfer(ServerCalls calls, BlindTransferEvent event, Instant at) {
		if (event.getResult() != null && !"Success".equalsIgnoreCase(event.getResult())) {
			return;
		}
		String linkedid = (event.getTransfereeLinkedId() != null) ? event.getTransfereeLinkedId()
				: event.getTransfererLinkedId();
		String target = (event.getContext() != null) ? event.getExtension() + "@" + event.getContext()
				: event.getExtension();
		transfer(calls, calls.find(linkedid, event.getTransfereeUniqueId()), "BLIND", target, null,
				"B|" + event.getTransfererUniqueId() + "|" + event.getTransfereeUniqueId() + "|" + target, at);
	}

	private void attendedTransfer(ServerCalls calls, AttendedTransferEvent event, Instant at) {
		if (event.getResult() != null && !"Success".equalsIgnoreCase(event.getResult())) {
			return;
		}
		String linkedid = (event.getOrigTransfererLinkedId() != null) ? event.getOrigTransfererLinkedId()
				: event.getTransfereeLinkedId();
		String targetChannel = (event.getTransferTargetChannel() != null) ? event.getTransferTargetChannel()
				: event.getSecondTransfererChannel();
		String agent = this.members.nameOfChannel(calls.server, targetChannel);
		transfer(calls, calls.find(linkedid, event.getTransfereeUniqueid()), "ATTENDED",
				(agent != null) ? agent : targetChannel, agent,
				"A|" + event.getOrigTransfererUniqueid() + "|" + event.getSecondTransfererUniqueid(), at);
	}

	private void transfer(ServerCalls calls, @Nullable LiveCall call, String kind, @Nullable String target, @Nullable String newAgent,
			String key, Instant at) {
		if (call == null || call.ended() || !call.transferKeys.add(key)) {
			return;
		}
		call.unsavedTransfers.add(new LiveCall.Transfer(kind, call.agent, target, at));
		call.transfers++;
		call.agent = (newAgent != null) ? newAgent : call.agent;
		calls.touch(call);
	}

	private void hangup(ServerCalls calls, HangupEvent event, Instant at) {
		String uniqueid = event.getUniqueId();
		LiveCall call = calls.find(event.getLinkedId(), uniqueid);
		if (call == null || call.ended() || uniqueid == null) {
			return;
		}
		calls.addLeg(call, uniqueid, event.getChannel());
		call.hungUp.add(uniqueid);
		call.liveLegs.remove(uniqueid);
		if (call.liveLegs.isEmpty()) {
			calls.end(call, at, null);
		}
	}

	private void cdr(ServerCalls calls, CdrEvent event, Instant at) {
		LiveCall call = (event.getUniqueId() != null) ? calls.byLeg.get(event.getUniqueId()) : null;
		Integer duration = event.getDuration();
		if (call != null && duration != null && duration > call.cdrDurationSec) {
			call.cdrDurationSec = duration;
			calls.touch(call);
		}
	}

	private void originateResponse(ServerCalls calls, OriginateResponseEvent event, Instant at) {
		LiveCall call = (event.getUniqueId() != null) ? calls.byLeg.get(event.getUniqueId()) : null;
		// An Originate into the dialplan (not straight into an application such as ChanSpy) starts an outbound call.
		if (call != null && !call.ended() && call.linkedid.equals(event.getUniqueId())
				&& event.getApplication() == null) {
			call.originated = true;
			call.originateExten = event.getExten();
			calls.touch(call);
		}
	}

	/** Queue and member name (the interface when unnamed): what both AgentConnect and AgentComplete carry. */
	static String memberKey(@Nullable String queue, @Nullable String memberName, @Nullable String iface) {
		return queue + "|" + ((memberName != null) ? memberName : iface);
	}

	private static boolean known(@Nullable String value) {
		return value != null && !value.isEmpty() && !UNKNOWN.equals(value);
	}

	interface Handler {

		void handle(ServerCalls calls, ManagerEvent event, Instant at);

	}

	private interface TypedHandler<E extends ManagerEvent> {

		void handle(ServerCalls calls, E event, Instant at);

	}

}
