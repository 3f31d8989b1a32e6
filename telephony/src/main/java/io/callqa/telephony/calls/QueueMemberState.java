package io.callqa.telephony.calls;

import java.time.Instant;

/**
 * A queue member as Asterisk last reported it ({@code QueueMember}, {@code QueueMemberStatus}, {@code AgentConnect}
 * ...).
 *
 * @param name the member name set in queues.conf (our agent name), e.g. {@code agent1}
 * @param iface the member's interface, e.g. {@code Local/agent1@agents/n}
 * @param status Asterisk's device status: 1 not in use, 2 in use, 3 busy, 5 unavailable, 6 ringing, ...
 * @param inCall whether Asterisk counts the member as on a queue call
 */
public record QueueMemberState(String server, String queue, String name, String iface, int status, boolean paused,
		boolean inCall, Instant updatedAt) {

	/** Free to take a call now: not paused, not on a call, device idle. */
	public boolean available() {
		return !this.paused && !this.inCall && this.status == 1;
	}

}
