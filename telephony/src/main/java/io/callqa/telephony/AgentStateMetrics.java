package io.callqa.telephony;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Time per agent state and pause reason, per agent and day: login time, occupancy, utilization, pause time by reason.
 */
public interface AgentStateMetrics {

	/**
	 * One row per agent and day with any recorded state from {@code from} to {@code to} (both included), days of
	 * {@code zone}; a state still going counts until now. Ordered by agent, then day.
	 * @param agent one agent only, or null for all
	 */
	List<AgentDay> agentDays(LocalDate from, LocalDate to, ZoneId zone, @Nullable String agent);

}
