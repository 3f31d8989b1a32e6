package io.callqa.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
		Map<String, List<ChannelSnapshot.Channel>> live = liveChannelsByLinkedid(snapshot);
		endCallsGoneMeanwhile(calls, live, snapshot.takenAt());
		live.forEach((linkedid, channels) -> adoptChannels(calls, linkedid, channels, snapshot.takenAt()));
		snapshot.entries().forEach((entry) -> adoptQueueEntry(calls, entry, snapshot.takenAt()));
		calls.resynced();
	}

	private static Map<String, List<ChannelSnapshot.Channel>> liveChannelsByLinkedid(ChannelSnapshot snapshot) {
		Map<String, List<ChannelSnapshot.Channel>> live = new HashMap<>();
		for (ChannelSnapshot.Channel channel : snapshot.channels()) {
			String linkedid = (channel.linkedid() != null) ? channel.linkedid() : channel.uniqueid();
			if (linkedid != null) {
				live.computeIfAbsent(linkedid, (key) -> new ArrayList<>()).add(channel);
			}
		}
		return live;
	}

	private static void endCallsGoneMeanwhile(ServerCalls calls, Map<String, List<ChannelSnapshot.Channel>> live,
			Instant takenAt) {
		Instant endedAt = (calls.disconnectedAt() != null) ? calls.disconnectedAt() : takenAt;
		List<LiveCall> followed = new ArrayList<>();
		calls.live().forEach(followed::add);
		for (LiveCall call : followed) {
			List<ChannelSnapshot.Channel> channels = live.get(call.linkedid());
			if (channels == null) {
				calls.end(call, endedAt, "ended while AMI was disconnected");
			}
			else {
				Set<String> alive = new HashSet<>();
				channels.forEach((channel) -> alive.add(channel.uniqueid()));
				call.retainLiveLegs(alive);
			}
		}
	}

	private static void adoptChannels(ServerCalls calls, String linkedid, List<ChannelSnapshot.Channel> channels,
			Instant takenAt) {
		if (calls.endedRecently(linkedid)) {
			return;
		}
		LiveCall call = calls.live(linkedid);
		if (call == null) {
			call = new LiveCall(calls.server(), linkedid, takenAt.minus(longest(channels)));
			calls.add(call);
			calls.anomaly(call, "started while AMI was disconnected");
		}
		for (ChannelSnapshot.Channel channel : channels) {
			calls.addLeg(call, channel.uniqueid(), channel.channel());
			if (call.callerId(channel.uniqueid(), channel.callerNumber(), channel.callerName())) {
				calls.touch(call);
			}
		}
		calls.touch(call);
	}

	private static void adoptQueueEntry(ServerCalls calls, ChannelSnapshot.Entry entry, Instant takenAt) {
		LiveCall call = (entry.uniqueid() != null) ? calls.byLeg(entry.uniqueid()) : null;
		Instant enteredAt = takenAt.minusSeconds((entry.waitSec() != null) ? entry.waitSec() : 0);
		if (call != null && call.adoptQueueEntry(entry.queue(), enteredAt, entry.position())) {
			calls.touch(call);
		}
	}

	private static Duration longest(List<ChannelSnapshot.Channel> channels) {
		Duration longest = Duration.ZERO;
		for (ChannelSnapshot.Channel channel : channels) {
			Duration duration = parseDuration(channel.duration());
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
