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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.callqa.telephony.LiveQueueEntry;
import io.callqa.telephony.ami.AmiEventHandler;
import io.callqa.telephony.ami.AsteriskEvent;
import io.callqa.telephony.ami.ChannelSnapshot;

/**
 * Follows every call on Asterisk from its AMI events: routes each event to its server's calls ({@link ServerCalls}),
 * which route it to the call ({@link LiveCall}, where the lifecycle rules live); what changed is written at
 * milestones in one batch per {@link #flush()}.
 */
@Component
class CallTracker implements AmiEventHandler, SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(CallTracker.class);

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
	}

	/** Calls that were live when the server stopped are followed again; the first resync reconciles them. */
	@Override
	public void afterSingletonsInstantiated() {
		List<LiveCall> active = this.writer.loadActive();
		synchronized (this.lock) {
			active.forEach((call) -> servers(call.server()).add(call));
		}
		logger.info("Following {} call(s) that were active before the restart", active.size());
	}

	@Override
	public void onEvent(String server, AsteriskEvent event) {
		if (event instanceof AsteriskEvent.Other
				|| event instanceof AsteriskEvent.VariableSet varSet && !LiveCall.followed(varSet.variable())) {
			return;
		}
		try {
			synchronized (this.lock) {
				servers(server).on(event);
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
			servers(server).disconnected(at);
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
				LiveCall call = entry.getValue().byLeg(uniqueid);
				if (call != null && call.id() != null && (server == null || server.equals(entry.getKey()))) {
					return Optional.of(call.id());
				}
			}
		}
		return this.writer.findByUniqueid(server, uniqueid);
	}

	Optional<LiveQueueEntry> liveEntry(String uniqueid) {
		synchronized (this.lock) {
			for (ServerCalls calls : this.servers.values()) {
				LiveCall call = calls.byLeg(uniqueid);
				if (call != null && call.waiting()) {
					return Optional.of(call.queueEntry(positionOf(calls, call)));
				}
			}
			return Optional.empty();
		}
	}

	private static int positionOf(ServerCalls calls, LiveCall call) {
		int ahead = 0;
		for (LiveCall other : calls.live()) {
			ahead += call.waitsAhead(other) ? 1 : 0;
		}
		return ahead + 1;
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
			ids.forEach(LiveCall::stored);
			shadows.forEach(LiveCall::markShadow);
			batch.stream().filter(CallWriter.Pending::publishEnd).forEach((pending) -> pending.call().markEndPublished());
		}
	}

	private void requeue(List<CallWriter.Pending> batch) {
		synchronized (this.lock) {
			for (CallWriter.Pending pending : batch) {
				pending.call().giveBack(pending.legs().keySet(), pending.transfers(), pending.anomalies());
				this.dirty.add(pending.call());
			}
		}
	}

	private ServerCalls servers(String server) {
		return this.servers.computeIfAbsent(server, (name) -> new ServerCalls(name, this.dirty, this.members));
	}

}
