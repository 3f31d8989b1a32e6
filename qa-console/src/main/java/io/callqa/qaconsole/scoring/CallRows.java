package io.callqa.qaconsole.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code call} rows for scoring: a call's agent and queue, and calls still waiting for an evaluation.
 */
@Repository
class CallRows {

	private final JdbcClient jdbc;

	CallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CallRow> find(long callId) {
		return this.jdbc.sql("select id, agent, queue, started_at, duration_sec from call where id = :id")
			.param("id", callId)
			.query(CallRows::row)
			.optional();
	}

	/** Recorded calls of the agent in [from, to) that nobody has evaluated, in random order. */
	List<CallRow> unevaluated(String agent, Instant from, Instant to, int count) {
		return this.jdbc.sql("""
				select c.id, c.agent, c.queue, c.started_at, c.duration_sec from call c
				where c.agent = :agent and c.started_at >= :from and c.started_at < :to
				  and exists (select 1 from recording r where r.call_id = c.id)
				  and not exists (select 1 from evaluation e where e.call_id = c.id)
				order by random() limit :count""")
			.param("agent", agent)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("count", count)
			.query(CallRows::row)
			.list();
	}

	private static CallRow row(ResultSet rs, int row) throws SQLException {
		return new CallRow(rs.getLong("id"), rs.getString("agent"), rs.getString("queue"),
				rs.getTimestamp("started_at").toInstant(), rs.getObject("duration_sec", Double.class));
	}

}
