package io.callqa.telephony.callbacks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.telephony.AttemptOutcome;
import io.callqa.telephony.CallbackAttempt;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackSource;
import io.callqa.telephony.CallbackState;

/**
 * SQL for the {@code callback_request} and {@code callback_attempt} tables, which this feature owns.
 */
@Repository
class CallbackRepository {

	/**
	 * What {@code agent} may see: requests by or kept for them, and the unassigned ones of the queues they take (in
	 * {@code queues}, their live memberships, or where they answered calls).
	 */
	private static final String VISIBLE_TO_AGENT = """
			(requested_by = :agent or assigned_agent = :agent
			 or (assigned_agent is null and (queue = any(cast(:queues as text[]))
			     or exists (select 1 from call c where c.agent = :agent and c.queue = callback_request.queue))))""";

	private final JdbcClient jdbc;

	CallbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts unless the number already has an open request in the queue (partial unique index). */
	Optional<Long> insertIfNoneOpen(NewRequest request) {
		return this.jdbc.sql("""
				insert into callback_request (queue, number, name, source, origin_call_id, requested_at, promised_by,
				    next_attempt_at, assigned_agent, requested_by, queue_position, waited_sec, state, max_attempts, note,
				    updated_at)
				values (:queue, :number, :name, :source, :originCallId, :requestedAt, :promisedBy, :nextAttemptAt,
				    :assignedAgent, :requestedBy, :position, :waited, 'OPEN', :maxAttempts, :note, :requestedAt)
				on conflict (queue, number) where state in ('OPEN', 'DIALLING') do nothing
				returning id""")
			.param("queue", request.queue())
			.param("number", request.number())
			.param("name", request.name())
			.param("source", request.source().name())
			.param("originCallId", request.originCallId())
			.param("requestedAt", ts(request.requestedAt()))
			.param("promisedBy", ts(request.promisedBy()))
			.param("nextAttemptAt", ts(request.nextAttemptAt()))
			.param("assignedAgent", request.assignedAgent())
			.param("requestedBy", request.requestedBy())
			.param("position", request.queuePosition())
			.param("waited", request.waitedSec())
			.param("maxAttempts", request.maxAttempts())
			.param("note", request.note())
			.query(Long.class)
			.optional();
	}

	Optional<CallbackRequest> findOpen(String queue, String number) {
		return this.jdbc
			.sql("select * from callback_request where queue = :queue and number = :number"
					+ " and state in ('OPEN', 'DIALLING')")
			.param("queue", queue)
			.param("number", number)
			.query(this::toRequest)
			.optional();
	}

	Optional<CallbackRequest> find(long id) {
		return this.jdbc.sql("select * from callback_request where id = :id")
			.param("id", id)
			.query(this::toRequest)
			.optional();
	}

	Optional<CallbackRequest> lock(long id) {
		return this.jdbc.sql("select * from callback_request where id = :id for update")
			.param("id", id)
			.query(this::toRequest)
			.optional();
	}

	List<CallbackRequest> list(@Nullable String queue, @Nullable CallbackState state, int limit) {
		return this.jdbc.sql("""
				select * from callback_request
				where (cast(:queue as text) is null or queue = :queue)
				  and (cast(:state as text) is null or state = :state)
				order by next_attempt_at, id limit :limit""")
			.param("queue", queue)
			.param("state", (state != null) ? state.name() : null)
			.param("limit", limit)
			.query(this::toRequest)
			.list();
	}

	List<CallbackRequest> listVisibleTo(String agent, Set<String> queues, @Nullable String queue,
			@Nullable CallbackState state, int limit) {
		return this.jdbc.sql("""
				select * from callback_request
				where (cast(:queue as text) is null or queue = :queue)
				  and (cast(:state as text) is null or state = :state)
				  and """ + VISIBLE_TO_AGENT + """
				order by next_attempt_at, id limit :limit""")
			.param("queue", queue)
			.param("state", (state != null) ? state.name() : null)
			.param("agent", agent)
			.param("queues", queues.toArray(String[]::new))
			.param("limit", limit)
			.query(this::toRequest)
			.list();
	}

	Optional<CallbackRequest> findVisibleTo(long id, String agent, Set<String> queues) {
		return this.jdbc.sql("select * from callback_request where id = :id and " + VISIBLE_TO_AGENT)
			.param("id", id)
			.param("agent", agent)
			.param("queues", queues.toArray(String[]::new))
			.query(this::toRequest)
			.optional();
	}

	/** Due open requests, locked for this transaction; rows another engine holds are skipped. */
	List<CallbackRequest> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from callback_request where state = 'OPEN' and next_attempt_at <= :now
				order by next_attempt_at, id limit :limit for update skip locked""")
			.param("now", ts(now))
			.param("limit", limit)
			.query(this::toRequest)
			.list();
	}

	void postpone(long id, Instant nextAttemptAt, Instant now) {
		this.jdbc.sql("update callback_request set next_attempt_at = :next, updated_at = :now where id = :id")
			.param("next", ts(nextAttemptAt))
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	void markDialling(long id, Instant now) {
		this.jdbc
			.sql("update callback_request set state = 'DIALLING', attempts = attempts + 1, updated_at = :now"
					+ " where id = :id")
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	void close(long id, CallbackState state, Instant now) {
		this.jdbc.sql("""
				update callback_request set state = :state, updated_at = :now,
				    done_at = case when :state = 'DONE' then cast(:now as timestamptz) end
				where id = :id""")
			.param("state", state.name())
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	void reopen(long id, Instant nextAttemptAt, Instant now) {
		this.jdbc
			.sql("update callback_request set state = 'OPEN', next_attempt_at = :next, updated_at = :now"
					+ " where id = :id")
			.param("next", ts(nextAttemptAt))
			.param("now", ts(now))
			.param("id", id)
			.update();
	}

	/** Links an IVR request to the call it came from, once that call ended. */
	int linkOriginCall(String queue, String number, long callId) {
		return this.jdbc.sql("""
				update callback_request set origin_call_id = :callId
				where queue = :queue and number = :number and source = 'IVR' and origin_call_id is null
				  and state in ('OPEN', 'DIALLING')""")
			.param("callId", callId)
			.param("queue", queue)
			.param("number", number)
			.update();
	}

	long insertAttempt(long requestId, int attemptNo, String agent, String server, Instant now) {
		return this.jdbc.sql("""
				insert into callback_attempt (request_id, attempt_no, agent, action_id, server, started_at)
				values (:requestId, :attemptNo, :agent, :actionId, :server, :now) returning id""")
			.param("requestId", requestId)
			.param("attemptNo", attemptNo)
			.param("agent", agent)
			.param("actionId", actionId(requestId, attemptNo))
			.param("server", server)
			.param("now", ts(now))
			.query(Long.class)
			.single();
	}

	/** The ActionID of an attempt's Originate: unique because (request, attempt number) is. */
	static String actionId(long requestId, int attemptNo) {
		return "callqa-callback-" + requestId + "-" + attemptNo;
	}

	Optional<CallbackAttempt> lockAttempt(long id) {
		return this.jdbc.sql("select * from callback_attempt where id = :id for update")
			.param("id", id)
			.query(this::toAttempt)
			.optional();
	}

	List<CallbackAttempt> attempts(long requestId) {
		return this.jdbc.sql("select * from callback_attempt where request_id = :id order by attempt_no")
			.param("id", requestId)
			.query(this::toAttempt)
			.list();
	}

	/** Agents on an attempt that has not ended: not offered another callback meanwhile. */
	List<String> agentsOnAttempts() {
		return this.jdbc.sql("select distinct agent from callback_attempt where ended_at is null and agent is not null")
			.query(String.class)
			.list();
	}

	/** Unfinished attempts past their deadline: no Originate result by the first, no call end by the second. */
	List<Long> overdueAttempts(Instant originateDeadline, Instant callDeadline) {
		return this.jdbc.sql("""
				select id from callback_attempt where ended_at is null
				  and ((originated_at is null and started_at < :originateDeadline) or originated_at < :callDeadline)
				order by id""")
			.param("originateDeadline", ts(originateDeadline))
			.param("callDeadline", ts(callDeadline))
			.query(Long.class)
			.list();
	}

	void markOriginated(long attemptId, Instant now) {
		this.jdbc
			.sql("update callback_attempt set originated_at = :now where id = :id and ended_at is null"
					+ " and originated_at is null")
			.param("now", ts(now))
			.param("id", attemptId)
			.update();
	}

	void endAttempt(long attemptId, AttemptOutcome outcome, @Nullable String reason, @Nullable Long callId,
			Instant now) {
		this.jdbc.sql("""
				update callback_attempt set ended_at = :now, outcome = :outcome, reason = :reason,
				    call_id = coalesce(:callId, call_id)
				where id = :id""")
			.param("now", ts(now))
			.param("outcome", outcome.name())
			.param("reason", reason)
			.param("callId", callId)
			.param("id", attemptId)
			.update();
	}

	void linkAttemptCall(long attemptId, long callId) {
		this.jdbc.sql("update callback_attempt set call_id = :callId where id = :id and call_id is null")
			.param("callId", callId)
			.param("id", attemptId)
			.update();
	}

	private CallbackRequest toRequest(ResultSet rs, int row) throws SQLException {
		return new CallbackRequest(rs.getLong("id"), rs.getString("queue"), rs.getString("number"),
				rs.getString("name"), CallbackSource.valueOf(rs.getString("source")),
				rs.getObject("origin_call_id", Long.class), instant(rs, "requested_at"), instant(rs, "promised_by"),
				instant(rs, "next_attempt_at"), rs.getString("assigned_agent"), rs.getString("requested_by"),
				rs.getObject("queue_position", Integer.class), rs.getObject("waited_sec", Double.class),
				CallbackState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getInt("max_attempts"),
				nullableInstant(rs, "done_at"), rs.getString("note"));
	}

	private CallbackAttempt toAttempt(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new CallbackAttempt(rs.getLong("id"), rs.getLong("request_id"), rs.getInt("attempt_no"),
				rs.getString("agent"), rs.getString("action_id"), rs.getString("server"), instant(rs, "started_at"),
				nullableInstant(rs, "originated_at"), nullableInstant(rs, "ended_at"),
				(outcome != null) ? AttemptOutcome.valueOf(outcome) : null, rs.getString("reason"),
				rs.getObject("call_id", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
