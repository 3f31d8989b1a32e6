package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.callqa.telephony.LiveQueueEntry;
import io.callqa.telephony.ami.AmiEventHandler;
import io.callqa.telephony.ami.ChannelSnapshot;

/**
 * Follows every call on Asterisk from its AMI events: legs grouped by Linkedid, queue milestones, agent, transfers
 * and outcome, kept in memory and written at milestones in one batch per {@link #flush()}.
 */
@Component
class CallTracker implements AmiEventHandler, SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(CallTracker.class);

	private final CallEventRules rules;

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
		this.rules = new CallEventRules(members);
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
			calls.byConnectedMember.put(CallEventRules.memberKey(call.queue, call.agent, null), call);
		}
	}

	@Override
	public void onEvent(String server, ManagerEvent event, Instant receivedAt) {
		CallEventRules.Handler handler = this.rules.handler(event.getClass());
		if (handler == null || event instanceof VarSetEvent varSet && !CallEventRules.followed(varSet.getVariable())) {
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
			CallResync.apply(servers(server), snapshot);
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

	private ServerCalls servers(String server) {
		return this.servers.computeIfAbsent(server, (name) -> new ServerCalls(name, this.dirty));
	}

	private static Instant timeOf(ManagerEvent event, Instant receivedAt) {
		Double timestamp = event.getTimestamp();
		return (timestamp != null) ? Instant.ofEpochMilli(Math.round(timestamp * 1000)) : receivedAt;
	}

}
