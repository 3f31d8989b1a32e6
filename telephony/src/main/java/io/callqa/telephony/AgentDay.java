package io.callqa.telephony;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where one agent's day went, from the recorded agent states (table {@code agent_state_interval}), split at midnight
 * of the zone asked for.
 *
 * @param loginSec seconds a member of at least one queue (every state but LOGGED_OUT)
 * @param pausedByReason paused seconds per reason ({@code ""} for a pause without one)
 * @param occupancy on-call ÷ (on-call + ringing + available) seconds: how busy the agent was while ready; null when 0/0
 * @param utilization on-call ÷ login seconds; null when not logged in
 */
public record AgentDay(String agent, LocalDate day, long loginSec, long availableSec, long ringingSec, long onCallSec,
		long pausedSec, long unavailableSec, Map<String, Long> pausedByReason, @Nullable Double occupancy, @Nullable Double utilization) {

	public AgentDay {
		pausedByReason = Map.copyOf(pausedByReason);
	}

}
