package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One agent on the live floor.
 *
 * @param agent the queue member name (our agent name), e.g. {@code agent1}
 * @param since when the agent entered {@code state} (not reset by a change that keeps the state)
 * @param pauseReason Asterisk's PausedReason while PAUSED (null when none was given)
 * @param queues the queues the agent is a member of now, sorted
 * @param call the call the agent is on now, if any
 * @param callsToday queue calls the agent answered since midnight (the server's zone)
 * @param version the floor version of the agent's last change (see {@link LiveFloor#changesSince})
 */
public record AgentFloor(String agent, AgentState state, Instant since, @Nullable String pauseReason,
		List<String> queues, @Nullable CurrentCall call, int callsToday, long version) {

	public AgentFloor {
		queues = List.copyOf(queues);
	}

	/**
	 * The call an agent is on.
	 *
	 * @param callId our call's id once stored (null for a moment, or for a call we do not follow)
	 * @param agentChannel the agent's own channel, e.g. {@code PJSIP/1001-0000002a}: what ChanSpy spies on
	 */
	public record CurrentCall(@Nullable Long callId, String server, @Nullable String queue,
			@Nullable String callerNumber, Instant since, @Nullable String agentChannel) {
	}

}
