package io.callqa.telephony.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.telephony.AlertFilter;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlert;

/**
 * SQL for the {@code supervisor_alert} table, which this feature owns; reads {@code callback_request}.
 */
@Repository
class AlertRepository {

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(AlertKind kind, @Nullable Long callId, @Nullable String agent, @Nullable String queue, String detail) {
		return this.jdbc.sql("""
				insert into supervisor_alert (kind, call_id, agent, queue, detail)
				values (:kind, :callId, :agent, :queue, :detail) returning id""")
			.param("kind", kind.name())
			.param("callId", callId)
			.param("agent", agent)
			.param("queue", queue)
			.param("detail", detail)
			.query(Long.class)
			.single();
	}

	/**
	 * Raises one alert per callback request still waiting after its promise; the unique index makes a second run (or a
	 * concurrent one) a no-op for requests already alerted.
	 * @return the requests alerted now
	 */
	List<Long> insertOverdueCallbacks(Instant now) {
		return this.jdbc.sql("""
				insert into supervisor_alert (kind, call_id, agent, queue, detail, callback_request_id)
				select 'OVERDUE_CALLBACK', r.origin_call_id, r.assigned_agent, r.queue,
				       'Callback ' || r.id || ' to ' || r.number || ' promised by '
				       || to_char(r.promised_by at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
				       || ' is still ' || r.state, r.id
				from callback_request r
				where r.state in ('OPEN', 'DIALLING') and r.promised_by < :now
				on conflict (callback_request_id) where kind = 'OVERDUE_CALLBACK' do nothing
				returning callback_request_id""")
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	List<SupervisorAlert> find(AlertFilter filter, boolean openOnly) {
		return this.jdbc.sql("""
				select * from supervisor_alert
				where (cast(:kind as text) is null or kind = :kind)
				  and (cast(:queue as text) is null or queue = :queue)
				  and (cast(:agent as text) is null or agent = :agent)
				  and (cast(:from as timestamptz) is null or created_at >= :from)
				  and (cast(:to as timestamptz) is null or created_at < :to)
				  and (not :openOnly or acknowledged_at is null)
				order by created_at desc, id desc""")
			.param("kind", (filter.kind() != null) ? filter.kind().name() : null)
			.param("queue", filter.queue())
			.param("agent", filter.agent())
			.param("from", timestamp(filter.from()))
			.param("to", timestamp(filter.to()))
			.param("openOnly", openOnly)
			.query(AlertRepository::toAlert)
			.list();
	}

	Optional<SupervisorAlert> find(long id) {
		return this.jdbc.sql("select * from supervisor_alert where id = :id")
			.param("id", id)
			.query(AlertRepository::toAlert)
			.optional();
	}

	/** Acknowledges an open alert; an already acknowledged one keeps who acknowledged it first. */
	void acknowledge(long id, String user, Instant at) {
		this.jdbc.sql("""
				update supervisor_alert set acknowledged_at = :at, acknowledged_by = :user
				where id = :id and acknowledged_at is null""")
			.param("id", id)
			.param("user", user)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static SupervisorAlert toAlert(ResultSet rs, int row) throws SQLException {
		return new SupervisorAlert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
				rs.getObject("call_id", Long.class), rs.getString("agent"), rs.getString("queue"),
				rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
				rs.getObject("callback_request_id", Long.class), instant(rs.getTimestamp("acknowledged_at")),
				rs.getString("acknowledged_by"));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
