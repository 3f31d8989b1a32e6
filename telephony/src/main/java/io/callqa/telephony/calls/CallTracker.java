package io.callqa.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.callqa.telephony.ami.AmiEventHandler;
import io.callqa.telephony.ami.ChannelSnapshot;

/**
 * Follows every call on Asterisk from its AMI events: legs grouped by Linkedid, queue milestones, agent, transfers
 * and outcome, kept in memory and written at milestones in one batch per {@link #flush()}.
 */
@Component
class CallTracker implements AmiEventHandler, SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(CallTracker.class);

	private static final String UNKNOWN = "<unknown>";

	/** Event handlers by exact class: every other event (VarSet aside, most of the traffic) costs one map lookup. */
	private final Map<Class<?>, Handler> handlers = new HashMap<>();

	private final Set<String> failedEventTypes = ConcurrentHashMap.newKeySet();

	/** Guards every call and the dirty set; event threads (one per server), flush and lookups take it briefly. */
	private final Object lock = new Object();

	private final Map<String, ServerCalls> servers = new HashMap<>();

	private final Set<LiveCall> dirty = new LinkedHashSet<>();

	private final TrackedQueueMembers members;

	private final CallWriter writer;

	CallTracker(TrackedQueueMembers members, CallWriter writer) {
		this.members = members;
		this.writer = writer;
		registerHandlers();
	}

	/** Calls that were live when the server stopped are followed again; the first resync reconciles them. */
	@Override
	public void afterSingletonsInstantiated() {
		List<LiveCall> active = this.writer.loadActive();
		synchronized (this.lock) {
			active.forEach((call) -> restore(servers(call.server), call));
		}
		logger.info("Following {} call(s) that were active before the restart", active.size());
	}

	private static void restore(ServerCalls calls, LiveCall call) {
		calls.add(call);
		if (call.answeredAt != null && call.agent != null) {
			calls.byConnectedMember.put(memberKey(call.queue, call.agent, null), call);
		}
	}

	@Override
	public void onEvent(String server, ManagerEvent event, Instant receivedAt) {
		Handler handler = this.handlers.get(event.getClass());
		if (handler == null) {
			return;
		}
		try {
			synchronized (this.lock) {
				handler.handle(servers(server), event, timeOf(event, receivedAt));
			}
		}
		catch (RuntimeException ex) {
			if (this.failedEventTypes.add(event.getClass().getSimpleName())) {
				logger.warn("Could not follow a {} event from {}; further failures of this type are logged at debug",
						event.getClass().getSimpleName(), server, ex);
			}
			else {
				logger.debug("Could not follow a {} event from {}", event.getClass().getSimpleName(), server, ex);
			}
		}
	}

	@Override
	public void onDisconnect(String server, Instant at) {
		synchronized (this.lock) {
			ServerCalls calls = servers(server);
			if (calls.disconnectedAt == null) {
				calls.disconnectedAt = at;
			}
		}
	}

	@Override
	public void onResync(String server, ChannelSnapshot snapshot) {
		synchronized (this.lock) {
			ServerCalls calls = servers(server);
			Map<String, List<CoreShowChannelEvent>> live = liveChannelsByLinkedid(snapshot);
			endCallsGoneMeanwhile(calls, live, snapshot.takenAt());
			live.forEach((linkedid, channels) -> adoptChannels(calls, linkedid, channels, snapshot.takenAt()));
			snapshot.entries().forEach((entry) -> adoptQueueEntry(calls, entry, snapshot.takenAt()));
			calls.disconnectedAt = null;
		}
		this.members.replace(server, snapshot.members(), snapshot.takenAt());
	}

	@Override
	public void flush() {
		this.writer.flush(this::drain, this::written, this::requeue);
	}

	Optional<Long> findByUniqueid(@Nullable String server, String uniqueid) {
		synchronized (this.lock) {
			for (Map.Entry<String, ServerCalls> entry : this.servers.entrySet()) {
				LiveCall call = entry.getValue().byLeg.get(uniqueid);
				if (call != null && call.id != null && (server == null || server.equals(entry.getKey()))) {
					return Optional.of(call.id);
				}
			}
		}
		return this.writer.findByUniqueid(server, uniqueid);
	}

	Optional<LiveQueueEntry> liveEntry(String uniqueid) {
		synchronized (this.lock) {
			for (ServerCalls calls : this.servers.values()) {
				LiveCall call = calls.byLeg.get(uniqueid);
				if (call != null && waiting(call)) {
					return Optional.of(new LiveQueueEntry(call.id, call.server, call.queue, call.enteredAt,
							positionOf(calls, call), call.reportedCallerNumber()));
				}
			}
			return Optional.empty();
		}
	}

	private static boolean waiting(LiveCall call) {
		return !call.ended() && call.queue != null && call.enteredAt != null && call.leftQueueAt == null
				&& call.answeredAt == null;
	}

	private static int positionOf(ServerCalls calls, LiveCall call) {
		long ahead = calls.live.values().stream()
			.filter((other) -> other != call && waiting(other) && call.queue.equals(other.queue)
					&& other.enteredAt.isBefore(call.enteredAt))
			.count();
		return (int) ahead + 1;
	}

	// ---- events ----

	private void registerHandlers() {
		on(NewChannelEvent.class, (calls, e, at) -> newChannel(calls, e.getLinkedid(), e.getUniqueId(), e.getChannel(),
				e.getCallerIdNum(), e.getCallerIdName(), at));
		on(NewCallerIdEvent.class, (calls, e, at) -> callerId(calls, e.getLinkedId(), e.getUniqueId(), e.getChannel(),
				e.getCallerIdNum(), e.getCallerIdName(), at));
		on(NewConnectedLineEvent.class, (calls, e, at) -> callerId(calls, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getCallerIdNum(), e.getCallerIdName(), at));
		on(VarSetEvent.class, this::varSet);
		on(QueueCallerJoinEvent.class, this::queueJoin);
		on(AgentCalledEvent.class, (calls, e, at) -> call(calls, e.getLinkedId(), e.getUniqueId(), e.getChannel(),
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
		on(QueueMemberStatusEvent.class, (calls, e, at) -> this.members.update(server(calls), e, at));
		on(QueueMemberAddedEvent.class, (calls, e, at) -> this.members.added(server(calls), e, at));
		on(QueueMemberRemovedEvent.class, (calls, e, at) -> this.members.removed(server(calls), e));
		on(QueueMemberPausedEvent.class, (calls, e, at) -> this.members.paused(server(calls), e, at));
		on(QueueMemberPauseEvent.class, (calls, e, at) -> this.members.paused(server(calls), e, at));
	}

	private <E extends ManagerEvent> void on(Class<E> type, TypedHandler<E> handler) {
		this.handlers.put(type, (calls, event, at) -> handler.handle(calls, type.cast(event), at));
	}

	private void newChannel(ServerCalls calls, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String number, @Nullable String name, Instant at) {
		LiveCall call = call(calls, (linkedid != null) ? linkedid : uniqueid, uniqueid, channel, null, at);
		if (call != null) {
			callerId(call, uniqueid, number, name);
		}
	}

	private void callerId(ServerCalls calls, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String number, @Nullable String name, Instant at) {
		LiveCall call = call(calls, linkedid, uniqueid, channel, "NewCallerid", at);
		if (call != null) {
			callerId(call, uniqueid, number, name);
		}
	}

	/** The caller is who the call's first channel (Uniqueid = Linkedid) says it is. */
	private void callerId(LiveCall call, @Nullable String uniqueid, @Nullable String number, @Nullable String name) {
		boolean origin = call.linkedid.equals(uniqueid) || call.callerNumber == null;
		if (!origin || !known(number) || call.ended()) {
			return;
		}
		if (!number.equals(call.callerNumber) || (known(name) && !name.equals(call.callerName))) {
			call.callerNumber = number;
			call.callerName = known(name) ? name : call.callerName;
			touch(call);
		}
	}

	private void varSet(ServerCalls calls, VarSetEvent event, Instant at) {
		String variable = event.getVariable();
		if (variable == null || !(variable.startsWith("QUEUESTATUS") || variable.startsWith("DIALSTATUS")
				|| variable.startsWith("CALLQA_"))) {
			return;
		}
		LiveCall call = calls.find(event.getLinkedId(), event.getUniqueId());
		String value = event.getValue();
		if (call == null || call.ended() || value == null || value.isEmpty()) {
			return;
		}
		switch (variable) {
			case "QUEUESTATUS" -> call.queueStatus = value;
			case "DIALSTATUS" -> call.dialStatus = value;
			case "CALLQA_ATTEMPT" -> callbackAttempt(call, value);
			case "CALLQA_CALLBACK_REQUESTED" -> call.callbackRequested = "1".equals(value);
			default -> {
				return;
			}
		}
		touch(call);
	}

	private void callbackAttempt(LiveCall call, String value) {
		try {
			call.callbackAttemptId = Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			anomaly(call, "CALLQA_ATTEMPT is not a callback attempt id: '" + value + "'");
		}
	}

	private void queueJoin(ServerCalls calls, QueueCallerJoinEvent event, Instant at) {
		LiveCall call = call(calls, event.getLinkedId(), event.getUniqueId(), event.getChannel(), "QueueCallerJoin",
				at);
		if (call == null || call.enteredAt != null) {
			return;
		}
		call.queue = event.getQueue();
		call.enteredAt = at;
		call.queuePosition = event.getPosition();
		touch(call);
	}

	private void ringNoAnswer(ServerCalls calls, AgentRingNoAnswerEvent event, Instant at) {
		LiveCall call = call(calls, event.getLinkedId(), event.getUniqueId(), event.getChannel(), "AgentRingNoAnswer",
				at);
		String ring = (event.getDestUniqueId() != null) ? event.getDestUniqueId() : event.getInterface() + "@" + at;
		if (call != null && call.ringNoAnswerLegs.add(ring)) {
			touch(call);
		}
	}

	private void agentConnect(ServerCalls calls, AgentConnectEvent event, Instant at) {
		LiveCall call = call(calls, event.getLinkedId(), event.getUniqueId(), event.getChannel(), "AgentConnect", at);
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
		this.members.inCall(server(calls), event.getQueue(), event.getInterface(), true, at);
		touch(call);
	}

	private void agentComplete(ServerCalls calls, AgentCompleteEvent event, Instant at) {
		String member = memberKey(event.getQueue(), event.getMemberName(), event.getInterface());
		LiveCall call = calls.find(event.getLinkedId(), event.getUniqueId());
		call = (call != null) ? call : calls.byConnectedMember.get(member);
		this.members.inCall(server(calls), event.getQueue(), event.getInterface(), false, at);
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
		touch(call);
	}

	private void queueAbandon(ServerCalls calls, QueueCallerAbandonEvent event, Instant at) {
		LiveCall call = call(calls, event.getLinkedId(), event.getUniqueId(), event.getChannel(),
				"QueueCallerAbandon", at);
		if (call == null || call.abandoned) {
			return;
		}
		call.abandoned = true;
		call.leftQueueAt = (call.leftQueueAt != null) ? call.leftQueueAt : at;
		if (call.answeredAt == null && event.getHoldTime() != null) {
			call.holdSec = event.getHoldTime().doubleValue();
		}
		touch(call);
	}

	private void queueLeave(ServerCalls calls, QueueCallerLeaveEvent event, Instant at) {
		LiveCall call = call(calls, event.getLinkedId(), event.getUniqueId(), event.getChannel(), "QueueCallerLeave",
				at);
		if (call != null && call.leftQueueAt == null) {
			call.leftQueueAt = at;
			touch(call);
		}
	}

	private void bridgeEnter(ServerCalls calls, BridgeEnterEvent event, Instant at) {
		LiveCall call = call(calls, event.getLinkedId(), event.getUniqueId(), event.getChannel(), "BridgeEnter", at);
		Integer parties = event.getBridgeNumChannels();
		// Queue calls are answered on AgentConnect; others (callbacks) when two parties first share a bridge.
		if (call != null && call.queue == null && call.answeredAt == null && parties != null && parties >= 2) {
			call.answeredAt = at;
			touch(call);
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
			touch(call);
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
		transfer(calls.find(linkedid, event.getTransfereeUniqueId()), "BLIND", target, null,
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
		String agent = this.members.nameOfChannel(server(calls), targetChannel);
		transfer(calls.find(linkedid, event.getTransfereeUniqueid()), "ATTENDED",
				(agent != null) ? agent : targetChannel, agent,
				"A|" + event.getOrigTransfererUniqueid() + "|" + event.getSecondTransfererUniqueid(), at);
	}

	private void transfer(@Nullable LiveCall call, String kind, @Nullable String target, @Nullable String newAgent,
			String key, Instant at) {
		if (call == null || call.ended() || !call.transferKeys.add(key)) {
			return;
		}
		call.unsavedTransfers.add(new LiveCall.Transfer(kind, call.agent, target, at));
		call.transfers++;
		call.agent = (newAgent != null) ? newAgent : call.agent;
		touch(call);
	}

	private void hangup(ServerCalls calls, HangupEvent event, Instant at) {
		String uniqueid = event.getUniqueId();
		LiveCall call = calls.find(event.getLinkedId(), uniqueid);
		if (call == null || call.ended() || uniqueid == null) {
			return;
		}
		addLeg(calls, call, uniqueid, event.getChannel());
		call.hungUp.add(uniqueid);
		call.liveLegs.remove(uniqueid);
		if (call.liveLegs.isEmpty()) {
			end(calls, call, at, null);
		}
	}

	private void cdr(ServerCalls calls, CdrEvent event, Instant at) {
		LiveCall call = (event.getUniqueId() != null) ? calls.byLeg.get(event.getUniqueId()) : null;
		Integer duration = event.getDuration();
		if (call != null && duration != null && duration > call.cdrDurationSec) {
			call.cdrDurationSec = duration;
			touch(call);
		}
	}

	private void originateResponse(ServerCalls calls, OriginateResponseEvent event, Instant at) {
		LiveCall call = (event.getUniqueId() != null) ? calls.byLeg.get(event.getUniqueId()) : null;
		// An Originate into the dialplan (not straight into an application such as ChanSpy) starts an outbound call.
		if (call != null && !call.ended() && call.linkedid.equals(event.getUniqueId())
				&& event.getApplication() == null) {
			call.originated = true;
			call.originateExten = event.getExten();
			touch(call);
		}
	}

	/**
	 * The call a channel event belongs to, its leg recorded. Unknown calls are created, with an anomaly unless the
	 * event is their Newchannel ({@code firstEvent} null); events of ended calls are not theirs any more.
	 */
	private @Nullable LiveCall call(ServerCalls calls, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String firstEvent, Instant at) {
		LiveCall call = calls.find(linkedid, uniqueid);
		if (call == null && linkedid != null && !linkedid.isEmpty()) {
			call = new LiveCall(server(calls), linkedid, at);
			calls.add(call);
			if (firstEvent != null) {
				anomaly(call, "first seen on " + firstEvent + ": its earlier events were missed");
			}
			touch(call);
		}
		if (call == null || call.ended()) {
			return null;
		}
		addLeg(calls, call, uniqueid, channel);
		return call;
	}

	private void addLeg(ServerCalls calls, LiveCall call, @Nullable String uniqueid, @Nullable String channel) {
		if (uniqueid == null || uniqueid.isEmpty() || call.legs.containsKey(uniqueid)) {
			return;
		}
		call.addLeg(uniqueid, (channel != null) ? channel : "");
		if (call.hungUp.contains(uniqueid)) {
			call.liveLegs.remove(uniqueid);
		}
		calls.byLeg.put(uniqueid, call);
		touch(call);
	}

	private void end(ServerCalls calls, LiveCall call, Instant at, @Nullable String anomaly) {
		call.endedAt = at;
		if (anomaly != null) {
			call.outcome = call.lostOutcome();
			anomaly(call, anomaly);
		}
		else {
			call.outcome = call.finalOutcome();
		}
		calls.end(call);
		touch(call);
	}

	// ---- resync ----

	private static Map<String, List<CoreShowChannelEvent>> liveChannelsByLinkedid(ChannelSnapshot snapshot) {
		Map<String, List<CoreShowChannelEvent>> live = new HashMap<>();
		for (CoreShowChannelEvent channel : snapshot.channels()) {
			String linkedid = (channel.getLinkedid() != null) ? channel.getLinkedid() : channel.getUniqueid();
			if (linkedid != null) {
				live.computeIfAbsent(linkedid, (key) -> new ArrayList<>()).add(channel);
			}
		}
		return live;
	}

	private void endCallsGoneMeanwhile(ServerCalls calls, Map<String, List<CoreShowChannelEvent>> live,
			Instant takenAt) {
		Instant endedAt = (calls.disconnectedAt != null) ? calls.disconnectedAt : takenAt;
		for (LiveCall call : List.copyOf(calls.live.values())) {
			List<CoreShowChannelEvent> channels = live.get(call.linkedid);
			if (channels == null) {
				end(calls, call, endedAt, "ended while AMI was disconnected");
			}
			else {
				Set<String> alive = new java.util.HashSet<>();
				channels.forEach((channel) -> alive.add(channel.getUniqueid()));
				call.liveLegs.retainAll(alive);
			}
		}
	}

	private void adoptChannels(ServerCalls calls, String linkedid, List<CoreShowChannelEvent> channels,
			Instant takenAt) {
		if (calls.ended.containsKey(linkedid)) {
			return;
		}
		LiveCall call = calls.live.get(linkedid);
		if (call == null) {
			call = new LiveCall(server(calls), linkedid, takenAt.minus(longest(channels)));
			calls.add(call);
			anomaly(call, "started while AMI was disconnected");
		}
		for (CoreShowChannelEvent channel : channels) {
			addLeg(calls, call, channel.getUniqueid(), channel.getChannel());
			callerId(call, channel.getUniqueid(), channel.getCallerIdNum(), channel.getCallerIdName());
		}
		touch(call);
	}

	private void adoptQueueEntry(ServerCalls calls, QueueEntryEvent entry, Instant takenAt) {
		LiveCall call = (entry.getUniqueId() != null) ? calls.byLeg.get(entry.getUniqueId()) : null;
		if (call == null || call.ended() || call.enteredAt != null) {
			return;
		}
		call.queue = entry.getQueue();
		call.enteredAt = takenAt.minusSeconds((entry.getWait() != null) ? entry.getWait() : 0);
		call.queuePosition = entry.getPosition();
		touch(call);
	}

	private static Duration longest(List<CoreShowChannelEvent> channels) {
		Duration longest = Duration.ZERO;
		for (CoreShowChannelEvent channel : channels) {
			Duration duration = parseDuration(channel.getDuration());
			longest = (duration.compareTo(longest) > 0) ? duration : longest;
		}
		return longest;
	}

	/** CoreShowChannels reports {@code HH:MM:SS}. */
	static Duration parseDuration(@Nullable String hms) {
		if (hms == null) {
			return Duration.ZERO;
		}
		try {
			String[] parts = hms.trim().split(":");
			long seconds = 0;
			for (String part : parts) {
				seconds = seconds * 60 + Long.parseLong(part);
			}
			return Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			return Duration.ZERO;
		}
	}

	// ---- writing ----

	private List<CallWriter.Pending> drain() {
		synchronized (this.lock) {
			List<CallWriter.Pending> batch = new ArrayList<>(this.dirty.size());
			for (LiveCall call : this.dirty) {
				batch.add(CallWriter.Pending.of(call));
			}
			this.dirty.clear();
			return batch;
		}
	}

	private void written(List<CallWriter.Pending> batch, Map<LiveCall, Long> ids, Set<LiveCall> shadows) {
		synchronized (this.lock) {
			ids.forEach((call, id) -> call.id = id);
			shadows.forEach((call) -> call.shadow = true);
			batch.stream().filter(CallWriter.Pending::publishEnd).forEach((pending) -> pending.call().endPublished = true);
		}
	}

	private void requeue(List<CallWriter.Pending> batch) {
		synchronized (this.lock) {
			for (CallWriter.Pending pending : batch) {
				pending.call().unsavedLegs.addAll(0, pending.legs().keySet());
				pending.call().unsavedTransfers.addAll(0, pending.transfers());
				pending.call().unloggedAnomalies.addAll(0, pending.anomalies());
				this.dirty.add(pending.call());
			}
		}
	}

	private void touch(LiveCall call) {
		if (!call.shadow) {
			this.dirty.add(call);
		}
	}

	private void anomaly(LiveCall call, String text) {
		if (call.anomaly(text)) {
			touch(call);
		}
	}

	private ServerCalls servers(String server) {
		return this.servers.computeIfAbsent(server, (name) -> new ServerCalls(name));
	}

	private static String server(ServerCalls calls) {
		return calls.server;
	}

	/** Queue and member name (the interface when unnamed): what both AgentConnect and AgentComplete carry. */
	static String memberKey(@Nullable String queue, @Nullable String memberName, @Nullable String iface) {
		return queue + "|" + ((memberName != null) ? memberName : iface);
	}

	private static boolean known(@Nullable String value) {
		return value != null && !value.isEmpty() && !UNKNOWN.equals(value);
	}

	private static Instant timeOf(ManagerEvent event, Instant receivedAt) {
		Double timestamp = event.getTimestamp();
		return (timestamp != null) ? Instant.ofEpochMilli(Math.round(timestamp * 1000)) : receivedAt;
	}

	private interface Handler {

		void handle(ServerCalls calls, ManagerEvent event, Instant at);

	}

	private interface TypedHandler<E extends ManagerEvent> {

		void handle(ServerCalls calls, E event, Instant at);

	}

}
