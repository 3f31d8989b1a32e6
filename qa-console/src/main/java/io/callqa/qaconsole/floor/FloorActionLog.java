package io.callqa.qaconsole.floor;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code floor_action}, the audit of every action on the live floor (this feature owns the table). Each row is
 * written in its own transaction, before the answer: a refused or failed action is kept as surely as a done one.
 */
@Repository
class FloorActionLog {

	private final JdbcClient jdbc;

	FloorActionLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	FloorAction write(Attempt attempt, String outcome, @Nullable String detail) {
		return this.jdbc.sql("""
				insert into floor_action (username, user_role, action, agent, queue, queues, reason, phone, outcome,
				                          detail)
				values (:username, :role, :action, :agent, :queue, :queues, :reason, :phone, :outcome, :detail)
				returning *""")
			.param("username", attempt.username())
			.param("role", attempt.role())
			.param("action", attempt.action().name())
			.param("agent", attempt.agent())
			.param("queue", attempt.queue())
			.param("queues", attempt.queues().toArray(String[]::new))
			.param("reason", attempt.reason())
			.param("phone", attempt.phone())
			.param("outcome", outcome)
			.param("detail", detail)
			.query(FloorActionLog::row)
			.single();
	}

	/**
	 * The actions in [from, to), newest first; with {@code queues} (a supervisor's) only those that concerned one of
	 * them, and those {@code username} did.
	 */
	List<FloorAction> find(Instant from, Instant to, @Nullable String agent, @Nullable List<String> queues,
			String username, int limit) {
		return this.jdbc.sql("""
				select * from floor_action
				where at >= :from and at < :to
				  and (cast(:agent as text) is null or agent = :agent)
				  and (cast(:every as boolean) or queues && cast(:queues as text[]) or username = :username)
				order by at desc, id desc
				limit :limit""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("agent", agent)
			.param("username", username)
			.param("every", queues == null)
			.param("queues", (queues != null) ? queues.toArray(String[]::new) : new String[0])
			.param("limit", limit)
			.query(FloorActionLog::row)
			.list();
	}

	private static FloorAction row(ResultSet rs, int row) throws SQLException {
		Array queues = rs.getArray("queues");
		return new FloorAction(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
				rs.getString("user_role"), rs.getString("action"), rs.getString("agent"), rs.getString("queue"),
				List.of((String[]) queues.getArray()), rs.getString("reason"), rs.getString("phone"),
				rs.getString("outcome"), rs.getString("detail"));
	}

}
