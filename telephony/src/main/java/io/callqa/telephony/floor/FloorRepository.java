package io.callqa.telephony.floor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.AgentState;

/**
 * The floor's SQL: each agent's state stretches ({@code agent_state_interval}) and today's answered calls per agent
 * (from {@code call}, at start).
 */
@Repository
class FloorRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	FloorRepository(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** A change of one agent's state (or pause reason) at {@code at}; LOGGED_OUT opens no new stretch. */
	record Transition(String agent, AgentState state, @Nullable String pauseReason, Instant at) {
	}

	/**
	 * At start: the stretches a stopped server left open end at their {@code seen_at}, the last moment their state
	 * was known to hold.
	 * @return how many were closed
	 */
	int closeLeftOpen() {
		return this.jdbc.sql("update agent_state_interval set ended_at = greatest(seen_at, started_at) "
				+ "where ended_at is null").update();
	}

	/** Ends each agent's open stretch and opens the next, in one transaction, in order. */
	void write(List<Transition> transitions) {
		this.transaction.executeWithoutResult((status) -> {
			for (Transition transition : transitions) {
				Timestamp at = Timestamp.from(transition.at());
				this.jdbc.sql("update agent_state_interval set ended_at = greatest(started_at, :at), "
						+ "seen_at = greatest(seen_at, :at) where agent = :agent and ended_at is null")
					.param("at", at)
					.param("agent", transition.agent())
					.update();
				if (transition.state() != AgentState.LOGGED_OUT) {
					this.jdbc.sql("insert into agent_state_interval (agent, state, pause_reason, started_at, seen_at) "
							+ "values (:agent, :state, :reason, :at, :at)")
						.param("agent", transition.agent())
						.param("state", transition.state().name())
						.param("reason", transition.pauseReason())
						.param("at", at)
						.update();
				}
			}
		});
	}

	/** The open stretches are still true at {@code now}. */
	int markSeen(Instant now) {
		return this.jdbc.sql("update agent_state_interval set seen_at = greatest(seen_at, :now) where ended_at is null")
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Queue calls answered per agent since {@code since} (today's midnight). */
	Map<String, Integer> answeredSince(Instant since) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("select agent, count(*) as answered from call where answered_at >= :since "
				+ "and queue is not null and agent is not null group by agent")
			.param("since", Timestamp.from(since))
			.query((rs) -> {
				counts.put(rs.getString("agent"), rs.getInt("answered"));
			});
		return counts;
	}

}
