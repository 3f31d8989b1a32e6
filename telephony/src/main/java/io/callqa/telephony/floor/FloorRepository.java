package io.callqa.telephony.floor;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transaction;

	FloorRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
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

	/**
	 * Ends each agent's open stretch at their first change and writes the stretches the changes make, in one
	 * transaction and two JDBC batches (a batch of 500 agents changing at once is two round trips, not a thousand):
	 * every change but an agent's last is a closed stretch, the last stays open (none for LOGGED_OUT).
	 * @param transitions in the order they happened
	 */
	void write(List<Transition> transitions) {
		Map<String, List<Transition>> byAgent = new LinkedHashMap<>();
		transitions.forEach((t) -> byAgent.computeIfAbsent(t.agent(), (agent) -> new ArrayList<>()).add(t));
		List<Object[]> closes = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		byAgent.forEach((agent, changes) -> {
			Timestamp first = Timestamp.from(changes.get(0).at());
			closes.add(new Object[] { first, first, agent });
			for (int i = 0; i < changes.size(); i++) {
				Transition change = changes.get(i);
				if (change.state() == AgentState.LOGGED_OUT) {
					continue;
				}
				Timestamp started = Timestamp.from(change.at());
				Instant next = (i + 1 < changes.size()) ? changes.get(i + 1).at() : null;
				if (next != null && next.isBefore(change.at())) {
					next = change.at();
				}
				Timestamp ended = (next != null) ? Timestamp.from(next) : null;
				inserts.add(new Object[] { agent, change.state().name(), change.pauseReason(), started, ended,
						(ended != null) ? ended : started });
			}
		});
		this.transaction.executeWithoutResult((status) -> {
			this.jdbcTemplate.batchUpdate("update agent_state_interval set ended_at = greatest(started_at, ?), "
					+ "seen_at = greatest(seen_at, ?) where agent = ? and ended_at is null", closes,
					new int[] { Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR });
			this.jdbcTemplate.batchUpdate("insert into agent_state_interval "
					+ "(agent, state, pause_reason, started_at, ended_at, seen_at) values (?, ?, ?, ?, ?, ?)",
					inserts, new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP,
							Types.TIMESTAMP, Types.TIMESTAMP });
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
