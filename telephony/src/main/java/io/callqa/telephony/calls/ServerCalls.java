package io.callqa.telephony.calls;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

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

	/** Queue + member interface of a connected agent: AgentComplete may name no channel at all. */
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

	ServerCalls(String server) {
		this.server = server;
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

	void end(LiveCall call) {
		this.live.remove(call.linkedid);
		// Kept by member too: AgentComplete often comes after the caller's Hangup.
		this.ended.put(call.linkedid, call);
	}

}
