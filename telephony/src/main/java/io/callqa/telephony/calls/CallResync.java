package io.callqa.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.jspecify.annotations.Nullable;

import io.callqa.telephony.ami.ChannelSnapshot;

/**
 * Reconciles a server's calls with what Asterisk reports live after a (re)connect: events during the outage are
 * lost, so calls that vanished ended meanwhile and unknown live channels started meanwhile.
 */
final class CallResync {

	private CallResync() {
	}

	static void apply(ServerCalls calls, ChannelSnapshot snapshot) {
		Map<String, List<CoreShowChannelEvent>> live = liveChannelsByLinkedid(snapshot);
		endCallsGoneMeanwhile(calls, live, snapshot.takenAt());
		live.forEach((linkedid, channels) -> adoptChannels(calls, linkedid, channels, snapshot.takenAt()));
		snapshot.entries().forEach((entry) -> adoptQueueEntry(calls, entry, snapshot.takenAt()));
		calls.disconnectedAt = null;
	}

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

	private static void endCallsGoneMeanwhile(ServerCalls calls, Map<String, List<CoreShowChannelEvent>> live,
			Instant takenAt) {
		Instant endedAt = (calls.disconnectedAt != null) ? calls.disconnectedAt : takenAt;
		for (LiveCall call : List.copyOf(calls.live.values())) {
			List<CoreShowChannelEvent> channels = live.get(call.linkedid);
			if (channels == null) {
				calls.end(call, endedAt, "ended while AMI was disconnected");
			}
			else {
				Set<String> alive = new HashSet<>();
				channels.forEach((channel) -> alive.add(channel.getUniqueid()));
				call.liveLegs.retainAll(alive);
			}
		}
	}

	private static void adoptChannels(ServerCalls calls, String linkedid, List<CoreShowChannelEvent> channels,
			Instant takenAt) {
		if (calls.ended.containsKey(linkedid)) {
			return;
		}
		LiveCall call = calls.live.get(linkedid);
		if (call == null) {
			call = new LiveCall(calls.server, linkedid, takenAt.minus(longest(channels)));
			calls.add(call);
			calls.anomaly(call, "started while AMI was disconnected");
		}
		for (CoreShowChannelEvent channel : channels) {
			calls.addLeg(call, channel.getUniqueid(), channel.getChannel());
			CallEventRules.callerId(calls, call, channel.getUniqueid(), channel.getCallerIdNum(), channel.getCallerIdName());
		}
		calls.touch(call);
	}

	private static void adoptQueueEntry(ServerCalls calls, QueueEntryEvent entry, Instant takenAt) {
		LiveCall call = (entry.getUniqueId() != null) ? calls.byLeg.get(entry.getUniqueId()) : null;
		if (call == null || call.ended() || call.enteredAt != null) {
			return;
		}
		call.queue = entry.getQueue();
		call.enteredAt = takenAt.minusSeconds((entry.getWait() != null) ? entry.getWait() : 0);
		call.queuePosition = entry.getPosition();
		calls.touch(call);
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

}
