package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The calls of one Asterisk server: live ones by Linkedid, every known leg by Uniqueid, and recently ended ones so
 * that late and duplicated events find them.
 */
final class ServerCalls {

	private static final int RECENTLY_ENDED = 20_000;

	final String server;

	final Map<String, LiveCall> live = new HashMap<>();

	final Map<String, LiveCall> byLeg = new HashMap<>();

	/** Queue + member name of a connected agent: AgentComplete may name no channel at all. */
	final Map<String, LiveCall> byConnectedMember = new HashMap<>();

	final Map<String, LiveCall> ended = new LinkedHashMap<>(1024, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, LiveCall> eldest) {
			if (size() <= RECENTLY_ENDED) {
				return false;
			}
			eldest.getValue().legs.keySet().forEach(ServerCalls.this.byLeg::remove);
			return true;
		}

	};

	@Nullable Instant disconnectedAt;

	/** Calls changed since the last flush, shared by every server. */
	private final Set<LiveCall> dirty;

	ServerCalls(String server, Set<LiveCall> dirty) {
		this.server = server;
		this.dirty = dirty;
	}

	@Nullable LiveCall find(@Nullable String linkedid, @Nullable String uniqueid) {
		if (linkedid != null && !linkedid.isEmpty()) {
			LiveCall call = this.live.get(linkedid);
			return (call != null) ? call : this.ended.get(linkedid);
		}
		return (uniqueid != null) ? this.byLeg.get(uniqueid) : null;
	}

	void add(LiveCall call) {
		this.live.put(call.linkedid, call);
		call.legs.keySet().forEach((uniqueid) -> this.byLeg.put(uniqueid, call));
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
		if (uniqueid == null || uniqueid.isEmpty() || call.legs.containsKey(uniqueid)) {
			return;
		}
		call.addLeg(uniqueid, (channel != null) ? channel : "");
		if (call.hungUp.contains(uniqueid)) {
			call.liveLegs.remove(uniqueid);
		}
		this.byLeg.put(uniqueid, call);
		touch(call);
	}

	void end(LiveCall call, Instant at, @Nullable String anomaly) {
		call.endedAt = at;
		if (anomaly != null) {
			call.outcome = call.lostOutcome();
			anomaly(call, anomaly);
		}
		else {
			call.outcome = call.finalOutcome();
		}
		retire(call);
		touch(call);
	}

	/** Marks a call to be written on the next flush. */
	void touch(LiveCall call) {
		if (!call.shadow) {
			this.dirty.add(call);
		}
	}

	/** Records an anomaly once on the call (it is logged with the call id once stored). */
	void anomaly(LiveCall call, String text) {
		if (call.anomaly(text)) {
			touch(call);
		}
	}

	private void retire(LiveCall call) {
		this.live.remove(call.linkedid);
		// Kept by member too: AgentComplete often comes after the caller's Hangup.
		this.ended.put(call.linkedid, call);
	}

}
