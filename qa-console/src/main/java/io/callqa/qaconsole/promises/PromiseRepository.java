package io.callqa.qaconsole.promises;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code promise}, {@code promise_detection} and {@code promise_queue_setting} tables.
 */
@Repository
class PromiseRepository {

	private static final String COLUMNS = """
			select id, call_id, agent, queue, customer_number, kind, phrase, start_sec, end_sec, speaker, time_phrase,
			  zone, made_at, due_at, state, kept_by_call_id, kept_at, broken_at, callback_request_id, alert_id
			from promise
			""";

	private final JdbcClient jdbc;

	PromiseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records that the call's transcript was searched; false if it already was (by another thread or process). */
	boolean markDetected(long callId, int promises) {
		return this.jdbc.sql("""
				insert into promise_detection (call_id, promises) values (:call, :n) on conflict (call_id) do nothing""")
			.param("call", callId)
			.param("n", promises)
			.update() == 1;
	}

	/** Of these calls, the ones whose transcript was not searched yet. */
	List<Long> notDetected(List<Long> callIds) {
		if (callIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select t.id from unnest(cast(:ids as bigint[])) as t(id)
				where not exists (select 1 from promise_detection d where d.call_id = t.id) order by t.id""")
			.param("ids", callIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	long insert(Promise p) {
		return this.jdbc.sql("""
				insert into promise (call_id, agent, queue, customer_number, kind, phrase, start_sec, end_sec, speaker,
				  time_phrase, zone, made_at, due_at, state)
				values (:call, :agent, :queue, :number, :kind, :phrase, :start, :end, :speaker, :timePhrase, :zone,
				  :madeAt, :dueAt, :state)
				on conflict (call_id, start_sec) do nothing
				returning id""")
			.param("call", p.callId())
			.param("agent", p.agent())
			.param("queue", p.queue())
			.param("number", p.customerNumber())
			.param("kind", p.kind().name())
			.param("phrase", p.phrase())
			.param("start", p.startSec())
			.param("end", p.endSec())
			.param("speaker", p.speaker())
			.param("timePhrase", p.timePhrase())
			.param("zone", p.zone())
			.param("madeAt", Timestamp.from(p.madeAt()))
			.param("dueAt", Timestamp.from(p.dueAt()))
			.param("state", p.state().name())
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	Optional<Promise> find(long id) {
		return this.jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(PromiseRepository::promise).optional();
	}

	List<Promise> ofCall(long callId) {
		return this.jdbc.sql(COLUMNS + " where call_id = :call order by start_sec")
			.param("call", callId)
			.query(PromiseRepository::promise)
			.list();
	}

	List<Promise> list(PromiseFilter f) {
		return this.jdbc.sql(COLUMNS + """
				 where (cast(:agent as text) is null or agent = :agent)
				   and (cast(:queue as text) is null or queue = :queue)
				   and (cast(:state as text) is null or state = :state)
				   and (cast(:kind as text) is null or kind = :kind)
				   and (cast(:from as timestamptz) is null or made_at >= :from)
				   and (cast(:to as timestamptz) is null or made_at < :to)
				 order by made_at desc, id desc limit :limit""")
			.param("agent", f.agent())
			.param("queue", f.queue())
			.param("state", (f.state() != null) ? f.state().name() : null)
			.param("kind", (f.kind() != null) ? f.kind().name() : null)
			.param("from", timestamp(f.from()))
			.param("to", timestamp(f.to()))
			.param("limit", f.limit())
			.query(PromiseRepository::promise)
			.list();
	}

	/** Promises a later call may still settle: open ones, and broken ones due since {@code brokenSince}. */
	List<Promise> pending(Instant brokenSince) {
		return this.jdbc.sql(COLUMNS + """
				 where state = 'OPEN' or (state = 'BROKEN' and due_at >= :since) order by due_at, id""")
			.param("since", Timestamp.from(brokenSince))
			.query(PromiseRepository::promise)
			.list();
	}

	/** Settles a promise still open or broken; false if it is not any more (another check was first). */
	boolean kept(long id, PromiseState state, long callId, Instant at) {
		return this.jdbc.sql("""
				update promise set state = :state, kept_by_call_id = :call, kept_at = :at
				where id = :id and state in ('OPEN', 'BROKEN')""")
			.param("state", state.name())
			.param("call", callId)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	boolean broken(long id, Instant at) {
		return this.jdbc.sql("update promise set state = 'BROKEN', broken_at = :at where id = :id and state = 'OPEN'")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	void alerted(long id, long alertId) {
		this.jdbc.sql("update promise set alert_id = :alert where id = :id").param("alert", alertId).param("id", id).update();
	}

	void callbackRequested(long id, long requestId) {
		this.jdbc.sql("update promise set callback_request_id = :request where id = :id")
			.param("request", requestId)
			.param("id", id)
			.update();
	}

	/** Promises made in [from, to) by agent or queue. */
	List<PromiseStats> stats(boolean byQueue, @Nullable String agent, @Nullable Instant from, @Nullable Instant to) {
		String key = byQueue ? "queue" : "agent";
		return this.jdbc.sql("select coalesce(" + key + ", '') as key, count(*) as made,"
				+ """
						  count(*) filter (where state = 'KEPT') as kept,
						  count(*) filter (where state = 'LATE') as late,
						  count(*) filter (where state = 'BROKEN') as broken,
						  count(*) filter (where state = 'OPEN') as open,
						  count(*) filter (where state = 'NOT_CHECKED') as not_checked
						from promise
						where (cast(:agent as text) is null or agent = :agent)
						  and (cast(:from as timestamptz) is null or made_at >= :from)
						  and (cast(:to as timestamptz) is null or made_at < :to)
						group by 1 order by 2 desc, 1""")
			.param("agent", agent)
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.query((rs, row) -> new PromiseStats(rs.getString("key"), rs.getLong("made"), rs.getLong("kept"),
					rs.getLong("late"), rs.getLong("broken"), rs.getLong("open"), rs.getLong("not_checked")))
			.list();
	}

	Optional<QueuePromiseSetting> setting(String queue) {
		return this.jdbc.sql("select * from promise_queue_setting where queue = :queue")
			.param("queue", queue)
			.query(PromiseRepository::setting)
			.optional();
	}

	List<QueuePromiseSetting> settings() {
		return this.jdbc.sql("select * from promise_queue_setting order by queue").query(PromiseRepository::setting).list();
	}

	QueuePromiseSetting saveSetting(String queue, String zone, boolean createCallback, String user) {
		return this.jdbc.sql("""
				insert into promise_queue_setting (queue, zone, create_callback, updated_by)
				values (:queue, :zone, :create, :user)
				on conflict (queue) do update set zone = excluded.zone, create_callback = excluded.create_callback,
				  updated_by = excluded.updated_by, updated_at = now()
				returning *""")
			.param("queue", queue)
			.param("zone", zone)
			.param("create", createCallback)
			.param("user", user)
			.query(PromiseRepository::setting)
			.single();
	}

	private static QueuePromiseSetting setting(ResultSet rs, int row) throws SQLException {
		return new QueuePromiseSetting(rs.getString("queue"), rs.getString("zone"), rs.getBoolean("create_callback"),
				rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")));
	}

	private static Promise promise(ResultSet rs, int row) throws SQLException {
		return new Promise(rs.getLong("id"), rs.getLong("call_id"), rs.getString("agent"), rs.getString("queue"),
				rs.getString("customer_number"), PromiseKind.valueOf(rs.getString("kind")), rs.getString("phrase"),
				rs.getDouble("start_sec"), rs.getDouble("end_sec"), rs.getString("speaker"),
				rs.getString("time_phrase"), rs.getString("zone"), rs.getTimestamp("made_at").toInstant(),
				rs.getTimestamp("due_at").toInstant(), PromiseState.valueOf(rs.getString("state")),
				(Long) rs.getObject("kept_by_call_id"), instant(rs.getTimestamp("kept_at")),
				instant(rs.getTimestamp("broken_at")), (Long) rs.getObject("callback_request_id"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant at) {
		return (at != null) ? Timestamp.from(at) : null;
	}

}
