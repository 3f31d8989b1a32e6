package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.ami.AsteriskEvent;
import io.callqa.telephony.ami.AsteriskEvent.AgentCalled;
import io.callqa.telephony.ami.AsteriskEvent.AgentCompleted;
import io.callqa.telephony.ami.AsteriskEvent.AgentConnected;
import io.callqa.telephony.ami.AsteriskEvent.AgentRangUnanswered;
import io.callqa.telephony.ami.AsteriskEvent.AttendedTransferred;
import io.callqa.telephony.ami.AsteriskEvent.BlindTransferred;
import io.callqa.telephony.ami.AsteriskEvent.BridgeEntered;
import io.callqa.telephony.ami.AsteriskEvent.BridgeLeft;
import io.callqa.telephony.ami.AsteriskEvent.CallerAbandoned;
import io.callqa.telephony.ami.AsteriskEvent.CallerIdChanged;
import io.callqa.telephony.ami.AsteriskEvent.CallerJoinedQueue;
import io.callqa.telephony.ami.AsteriskEvent.CallerLeftQueue;
import io.callqa.telephony.ami.AsteriskEvent.CdrReported;
import io.callqa.telephony.ami.AsteriskEvent.ChannelCreated;
import io.callqa.telephony.ami.AsteriskEvent.HoldChanged;
import io.callqa.telephony.ami.AsteriskEvent.HungUp;
import io.callqa.telephony.ami.AsteriskEvent.OriginateResponded;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberAdded;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberPaused;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberRemoved;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberReported;
import io.callqa.telephony.ami.AsteriskEvent.VariableSet;

/**
 * The calls of one Asterisk server: live ones by Linkedid, every known leg by Uniqueid, and recently ended ones so
 * that late and duplicated events find them. {@link #on} routes each event to the call it belongs to; what the
 * event means for the call is the call's own business ({@link LiveCall}).
 */
final class ServerCalls {

	private static final int RECENTLY_ENDED = 20_000;

	private final String server;

	private final Map<String, LiveCall> live = new HashMap<>();

	private final Map<String, LiveCall> byLeg = new HashMap<>();

	/** Queue + member name of a connected agent: AgentComplete may name no channel at all. */
	private final Map<String, LiveCall> byConnectedMember = new HashMap<>();

	private final Map<String, LiveCall> ended = new LinkedHashMap<>(1024, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, LiveCall> eldest) {
			if (size() <= RECENTLY_ENDED) {
				return false;
			}
			eldest.getValue().legIds().forEach(ServerCalls.this.byLeg::remove);
			return true;
		}

	};

	private @Nullable Instant disconnectedAt;

	/** Calls changed since the last flush, shared by every server. */
	private final Set<LiveCall> dirty;

	private final TrackedQueueMembers members;

	ServerCalls(String server, Set<LiveCall> dirty, TrackedQueueMembers members) {
		this.server = server;
		this.dirty = dirty;
		this.members = members;
	}

	String server() {
		return this.server;
	}

	/** Routes one event to its call (and queue members); events nobody follows are ignored. */
	void on(AsteriskEvent event) {
		Route route = ROUTES.get(event.getClass());
		if (route != null) {
			route.apply(this, event);
		}
	}

	/** By exact record type: one map lookup per event, whatever its type. */
	private static final Map<Class<?>, Route> ROUTES = new HashMap<>();

	static {
		route(VariableSet.class, ServerCalls::variableSet);
		route(ChannelCreated.class, (calls, e) -> calls.callerId(calls.call((e.linkedid() != null) ? e.linkedid()
				: e.uniqueid(), e.uniqueid(), e.channel(), null, e.at()), e.uniqueid(), e.callerNumber(), e.callerName()));
		route(CallerIdChanged.class, (calls, e) -> calls.callerId(calls.call(e.linkedid(), e.uniqueid(), e.channel(),
				"NewCallerid", e.at()), e.uniqueid(), e.callerNumber(), e.callerName()));
		route(CallerJoinedQueue.class, (calls, e) -> calls.changed(calls.call(e.linkedid(), e.uniqueid(), e.channel(),
				"QueueCallerJoin", e.at()), (call) -> call.joinedQueue(e.queue(), e.position(), e.at())));
		route(AgentCalled.class, (calls, e) -> calls.call(e.linkedid(), e.uniqueid(), e.channel(), "AgentCalled",
				e.at()));
		route(AgentRangUnanswered.class, ServerCalls::ringUnanswered);
		route(AgentConnected.class, ServerCalls::agentConnected);
		route(AgentCompleted.class, ServerCalls::agentCompleted);
		route(CallerAbandoned.class, (calls, e) -> calls.changed(calls.call(e.linkedid(), e.uniqueid(), e.channel(),
				"QueueCallerAbandon", e.at()), (call) -> call.abandoned(e.holdTime(), e.at())));
		route(CallerLeftQueue.class, (calls, e) -> calls.changed(calls.call(e.linkedid(), e.uniqueid(), e.channel(),
				"QueueCallerLeave", e.at()), (call) -> call.leftQueue(e.at())));
		route(BridgeEntered.class, (calls, e) -> calls.changed(calls.call(e.linkedid(), e.uniqueid(), e.channel(),
				"BridgeEnter", e.at()), (call) -> call.bridgeEntered(e.parties(), e.at())));
		route(BridgeLeft.class, (calls, e) -> calls.changed(calls.find(e.linkedid(), e.uniqueid()),
				(call) -> call.bridgeLeft(e.uniqueid(), e.at())));
		route(BlindTransferred.class, ServerCalls::blindTransfer);
		route(AttendedTransferred.class, ServerCalls::attendedTransfer);
		route(HungUp.class, ServerCalls::hangup);
		route(HoldChanged.class, (calls, e) -> calls.changed(calls.leg(e.uniqueid()),
				(call) -> call.holdChanged(e.uniqueid(), e.held(), e.at())));
		route(CdrReported.class, (calls, e) -> calls.changed(calls.leg(e.uniqueid()),
				(call) -> call.cdrDuration(e.duration())));
		route(OriginateResponded.class, (calls, e) -> calls.changed(calls.leg(e.uniqueid()),
				(call) -> call.originateResponded(e.uniqueid(), e.exten(), e.application())));
		route(QueueMemberReported.class, (calls, e) -> calls.members.update(calls.server, e, e.at()));
		route(QueueMemberAdded.class, (calls, e) -> calls.members.added(calls.server, e, e.at()));
		route(QueueMemberRemoved.class, (calls, e) -> calls.members.removed(calls.server, e));
		route(QueueMemberPaused.class, (calls, e) -> calls.members.paused(calls.server, e, e.at()));
	}

	private static <E extends AsteriskEvent> void route(Class<E> type, BiConsumer<ServerCalls, E> route) {
		ROUTES.put(type, (calls, event) -> route.accept(calls, type.cast(event)));
	}

	private void variableSet(VariableSet e) {
		changed(find(e.linkedid(), e.uniqueid()), (call) -> call.variableSet(e.variable(), e.value()));
	}

	private void ringUnanswered(AgentRangUnanswered e) {
		String ring = (e.agentUniqueid() != null) ? e.agentUniqueid() : e.iface() + "@" + e.at();
		changed(call(e.linkedid(), e.uniqueid(), e.channel(), "AgentRingNoAnswer", e.at()),
				(call) -> call.ringUnanswered(ring));
	}

	private @Nullable LiveCall leg(@Nullable String uniqueid) {
		return (uniqueid != null) ? this.byLeg.get(uniqueid) : null;
	}

	private void callerId(@Nullable LiveCall call, @Nullable String uniqueid, @Nullable String number,
			@Nullable String name) {
		if (call != null && call.callerId(uniqueid, number, name)) {
			touch(call);
		}
	}

	private void agentConnected(AgentConnected e) {
		LiveCall call = call(e.linkedid(), e.uniqueid(), e.channel(), "AgentConnect", e.at());
		if (call == null || !call.agentConnected(e.queue(), e.memberName(), e.iface(), e.agentUniqueid(),
				e.holdTime(), e.at())) {
			return;
		}
		this.byConnectedMember.put(LiveCall.memberKey(e.queue(), e.memberName(), e.iface()), call);
		this.members.inCall(this.server, e.queue(), e.iface(), true, e.at());
		touch(call);
	}

	private void agentCompleted(AgentCompleted e) {
		String member = LiveCall.memberKey(e.queue(), e.memberName(), e.iface());
		LiveCall call = find(e.linkedid(), e.uniqueid());
		call = (call != null) ? call : this.byConnectedMember.get(member);
		this.members.inCall(this.server, e.queue(), e.iface(), false, e.at());
		if (call == null) {
			return;
		}
		this.byConnectedMember.remove(member, call);
		call.agentCompleted(e.iface(), e.talkTime(), e.at());
		touch(call);
	}

	private void blindTransfer(BlindTransferred e) {
		if (!e.succeeded()) {
			return;
		}
		String linkedid = (e.transfereeLinkedid() != null) ? e.transfereeLinkedid() : e.transfererLinkedid();
		String target = (e.context() != null) ? e.extension() + "@" + e.context() : e.extension();
		String key = "B|" + e.transfererUniqueid() + "|" + e.transfereeUniqueid() + "|" + target;
		changed(find(linkedid, e.transfereeUniqueid()),
				(call) -> call.transferred("BLIND", target, null, key, e.at()));
	}

	private void attendedTransfer(AttendedTransferred e) {
		if (!e.succeeded()) {
			return;
		}
		String linkedid = (e.origTransfererLinkedid() != null) ? e.origTransfererLinkedid() : e.transfereeLinkedid();
		String targetChannel = (e.transferTargetChannel() != null) ? e.transferTargetChannel()
				: e.secondTransfererChannel();
		String agent = this.members.nameOfChannel(this.server, targetChannel);
		String key = "A|" + e.origTransfererUniqueid() + "|" + e.secondTransfererUniqueid();
		changed(find(linkedid, e.transfereeUniqueid()), (call) -> call.transferred("ATTENDED",
				(agent != null) ? agent : targetChannel, agent, key, e.at()));
	}

	private void hangup(HungUp e) {
		String uniqueid = e.uniqueid();
		LiveCall call = find(e.linkedid(), uniqueid);
		if (call == null || call.ended() || uniqueid == null) {
			return;
		}
		addLeg(call, uniqueid, e.channel());
		if (call.hungUp(uniqueid, e.at())) {
			end(call, e.at(), null);
		}
	}

	private void changed(@Nullable LiveCall call, Change change) {
		if (call != null && change.apply(call)) {
			touch(call);
		}
	}

	// ---- the maps ----

	@Nullable LiveCall find(@Nullable String linkedid, @Nullable String uniqueid) {
		if (linkedid != null && !linkedid.isEmpty()) {
			LiveCall call = this.live.get(linkedid);
			return (call != null) ? call : this.ended.get(linkedid);
		}
		return (uniqueid != null) ? this.byLeg.get(uniqueid) : null;
	}

	@Nullable LiveCall byLeg(String uniqueid) {
		return this.byLeg.get(uniqueid);
	}

	Iterable<LiveCall> live() {
		return this.live.values();
	}

	@Nullable LiveCall live(String linkedid) {
		return this.live.get(linkedid);
	}

	boolean endedRecently(String linkedid) {
		return this.ended.containsKey(linkedid);
	}

	/** A call followed again (after a restart or a resync). */
	void add(LiveCall call) {
		this.live.put(call.linkedid(), call);
		call.legIds().forEach((uniqueid) -> this.byLeg.put(uniqueid, call));
		String member = call.connectedMemberKey();
		if (member != null) {
			this.byConnectedMember.put(member, call);
		}
	}

	/**
	 * The call a channel event belongs to, its leg recorded. Unknown calls are created, with an anomaly unless the
	 * event is their Newchannel ({@code firstEvent} null); events of ended calls are not theirs any more.
	 */
	@Nullable LiveCall call(@Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String firstEvent, Instant at) {
		LiveCall call = find(linkedid, uniqueid);
		if (call == null && linkedid != null && !linkedid.isEmpty()) {
			call = new LiveCall(this.server, linkedid, at);
			add(call);
			if (firstEvent != null) {
				anomaly(call, "first seen on " + firstEvent + ": its earlier events were missed");
			}
			touch(call);
		}
		if (call == null || call.ended()) {
			return null;
		}
		addLeg(call, uniqueid, channel);
		return call;
	}

	void addLeg(LiveCall call, @Nullable String uniqueid, @Nullable String channel) {
		if (uniqueid == null || uniqueid.isEmpty() || call.hasLeg(uniqueid)) {
			return;
		}
		call.addLeg(uniqueid, (channel != null) ? channel : "");
		this.byLeg.put(uniqueid, call);
		touch(call);
	}

	void end(LiveCall call, Instant at, @Nullable String anomaly) {
		call.end(at, anomaly);
		this.live.remove(call.linkedid());
		// Kept by member too: AgentComplete often comes after the caller's Hangup.
		this.ended.put(call.linkedid(), call);
		touch(call);
	}

	/** Marks a call to be written on the next flush. */
	void touch(LiveCall call) {
		if (!call.shadow()) {
			this.dirty.add(call);
		}
	}

	/** Records an anomaly once on the call (it is logged with the call id once stored). */
	void anomaly(LiveCall call, String text) {
		if (call.anomaly(text)) {
			touch(call);
		}
	}

	void disconnected(Instant at) {
		if (this.disconnectedAt == null) {
			this.disconnectedAt = at;
		}
	}

	/** When the link went down, if it did since the last resync. */
	@Nullable Instant disconnectedAt() {
		return this.disconnectedAt;
	}

	void resynced() {
		this.disconnectedAt = null;
	}

	private interface Change {

		boolean apply(LiveCall call);

	}

	private interface Route {

		void apply(ServerCalls calls, AsteriskEvent event);

	}

}
