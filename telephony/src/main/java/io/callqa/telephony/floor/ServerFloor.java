package io.callqa.telephony.floor;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one Asterisk server reported: its queues, their members and waiting callers, and the queue calls its members
 * are on. Plain data, guarded by the tracker's lock; {@link FloorTracker} derives the floor from every server's.
 */
final class ServerFloor {

	final String server;

	/** Every queue the server has (QueueStatus's QueueParams), plus any seen in an event since. */
	final Set<String> queues = new HashSet<>();

	final Map<MemberKey, Member> members = new LinkedHashMap<>();

	/** Waiting callers by the caller channel's Uniqueid. */
	final Map<String, Waiting> waiting = new LinkedHashMap<>();

	/** Queue calls by agent name (a member talks on one queue call at a time on a server). */
	final Map<String, QueueCall> calls = new HashMap<>();

	/** Channels of members' devices (any call, queue or not) by Uniqueid. */
	final Map<String, DeviceChannel> channels = new HashMap<>();

	ServerFloor(String server) {
		this.server = server;
	}

	record MemberKey(String queue, String iface) {
	}

	/** One membership: an interface in a queue, under the member's name (our agent name). */
	static final class Member {

		final String queue;

		final String iface;

		String name;

		/** Asterisk's device status: 1 not in use, 2 in use, 3 busy, 5 unavailable, 6 ringing, 7 ring+inuse... */
		int status;

		boolean paused;

		@Nullable String pausedReason;

		/** When the member was last paused or unpaused, when known. */
		@Nullable Instant pausedAt;

		boolean inCall;

		Member(String queue, String iface, String name) {
			this.queue = queue;
			this.iface = iface;
			this.name = name;
		}

		/** The device is on a call: in use, busy, ringing while in use, on hold, or on a queue call. */
		boolean onCall() {
			return this.inCall || this.status == 2 || this.status == 3 || this.status == 7 || this.status == 8;
		}

		boolean ringing() {
			return this.status == 6;
		}

		boolean idle() {
			return this.status == 1;
		}

	}

	/** A caller waiting in a queue. */
	static final class Waiting {

		final String uniqueid;

		final String queue;

		final Instant enteredAt;

		final @Nullable String callerNumber;

		int position;

		@Nullable Long callId;

		int lookups;

		Waiting(String uniqueid, String queue, Instant enteredAt, int position, @Nullable String callerNumber) {
			this.uniqueid = uniqueid;
			this.queue = queue;
			this.enteredAt = enteredAt;
			this.position = position;
			this.callerNumber = callerNumber;
		}

	}

	/**
	 * The member whose device a channel is on: {@code PJSIP/1001-0000002a} is on {@code PJSIP/1001},
	 * {@code Local/agent1@agents-00000001;1} on {@code Local/agent1@agents/n}.
	 */
	@Nullable String agentOfChannel(String channel) {
		int dash = channel.lastIndexOf('-');
		if (dash <= 0) {
			return null;
		}
		String base = channel.substring(0, dash);
		for (Member member : this.members.values()) {
			if (member.iface.equals(base) || member.iface.startsWith(base + "/")) {
				return member.name;
			}
		}
		return null;
	}

	/** A channel on a member's device: what a spy listens to when the call is not a queue call we saw start. */
	static final class DeviceChannel {

		final String agent;

		final String uniqueid;

		final String channel;

		final Instant since;

		@Nullable Long callId;

		int lookups;

		DeviceChannel(String agent, String uniqueid, String channel, Instant since) {
			this.agent = agent;
			this.uniqueid = uniqueid;
			this.channel = channel;
			this.since = since;
		}

	}

	/** A queue call a member answered ({@code AgentConnect}), until {@code AgentComplete} or a hangup. */
	static final class QueueCall {

		final String agent;

		final String queue;

		final @Nullable String callerUniqueid;

		final @Nullable String agentUniqueid;

		final @Nullable String agentChannel;

		final @Nullable String callerNumber;

		final Instant since;

		@Nullable Long callId;

		int lookups;

		QueueCall(String agent, String queue, @Nullable String callerUniqueid, @Nullable String agentUniqueid,
				@Nullable String agentChannel, @Nullable String callerNumber, Instant since) {
			this.agent = agent;
			this.queue = queue;
			this.callerUniqueid = callerUniqueid;
			this.agentUniqueid = agentUniqueid;
			this.agentChannel = agentChannel;
			this.callerNumber = callerNumber;
			this.since = since;
		}

	}

}
