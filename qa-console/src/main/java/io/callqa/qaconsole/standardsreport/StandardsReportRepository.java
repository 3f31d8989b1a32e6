package io.callqa.qaconsole.standardsreport;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads autoscore's current automatic evaluations and promises' promises per agent and day of the call's start, and
 * keeps this feature's alert bookkeeping ({@code automatic_critical_alert}, {@code pass_mark_check}). Every figure
 * leaves mystery-shopper calls out.
 */
@Repository
class StandardsReportRepository {

	/** The current automatic evaluations of the calls started in the period, of agents, no test calls. */
	private static final String EVALUATIONS = """
			from automatic_evaluation e
			join call c on c.id = e.call_id
			join scorecard_version v on v.id = e.scorecard_version_id
			where e.current and c.agent is not null
			  and c.started_at >= :from and c.started_at < :to
			  and (cast(:agent as text) is null or c.agent = :agent)
			  and (cast(:queue as text) is null or c.queue = :queue)
			  and not exists (select 1 from mystery_shopper_call m where m.call_id = c.id)
			""";

	private static final String DAY = "(c.started_at at time zone :zone)::date";

	/** Calls started in [from, to), optionally of one agent and queue. */
	record Filter(Instant from, Instant to, ZoneId zone, @Nullable String agent, @Nullable String queue) {
	}

	/** One agent's day: the automatic figures of its calls. */
	record DayRow(String agent, LocalDate day, int calls, int scored, @Nullable Double average, int passed,
			int criticalFails, @Nullable Double passMark) {
	}

	record FailedItemRow(String agent, LocalDate day, String key, String label, int count) {
	}

	record PromiseRow(String agent, LocalDate day, int made, int broken, int late) {
	}

	record WeekRow(String agent, LocalDate monday, int calls, @Nullable Double average) {
	}

	/** A current automatic evaluation with a failed critical item that has not been alerted for its call. */
	record CriticalFailure(long evaluationId, long callId, @Nullable String agent, @Nullable String queue,
			@Nullable Double score, boolean mystery, String items) {
	}

	private final JdbcClient jdbc;

	StandardsReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DayRow> days(Filter filter) {
		return this.jdbc.sql("select c.agent, " + DAY + " as day, count(*) as calls, count(e.score) as scored, "
				+ "avg(e.score)::float8 as average, count(*) filter (where e.passed) as passed, "
				+ "count(*) filter (where e.critical_failed) as critical, "
				+ "(avg(v.pass_threshold) filter (where e.score is not null))::float8 as pass_mark "
				+ EVALUATIONS + " group by 1, 2 order by 1, 2")
			.paramSource(params(filter))
			.query((rs, row) -> new DayRow(rs.getString("agent"), rs.getObject("day", LocalDate.class),
					rs.getInt("calls"), rs.getInt("scored"), rs.getObject("average", Double.class),
					rs.getInt("passed"), rs.getInt("critical"), rs.getObject("pass_mark", Double.class)))
			.list();
	}

	/** Per agent, day and item: how many of the day's calls failed the item (the label of its newest evaluation). */
	List<FailedItemRow> failedItems(Filter filter) {
		return this.jdbc.sql("select c.agent, " + DAY + " as day, i.item_key, "
				+ "(array_agg(i.label order by e.id desc))[1] as label, count(*) as n "
				+ EVALUATIONS.replace("where e.current",
						"join automatic_evaluation_item i on i.evaluation_id = e.id where i.outcome = 'FAIL' and e.current")
				+ " group by 1, 2, 3")
			.paramSource(params(filter))
			.query((rs, row) -> new FailedItemRow(rs.getString("agent"), rs.getObject("day", LocalDate.class),
					rs.getString("item_key"), rs.getString("label"), rs.getInt("n")))
			.list();
	}

	/** Promises made on the day's calls, and how many of them are broken or were kept late by now. */
	List<PromiseRow> promises(Filter filter) {
		return this.jdbc.sql("select c.agent, " + DAY + " as day, count(*) as made, "
				+ "count(*) filter (where p.state = 'BROKEN') as broken, count(*) filter (where p.state = 'LATE') as late "
				+ """
						from promise p join call c on c.id = p.call_id
						where c.agent is not null and c.started_at >= :from and c.started_at < :to
						  and (cast(:agent as text) is null or c.agent = :agent)
						  and (cast(:queue as text) is null or c.queue = :queue)
						  and not exists (select 1 from mystery_shopper_call m where m.call_id = c.id)
						group by 1, 2""")
			.paramSource(params(filter))
			.query((rs, row) -> new PromiseRow(rs.getString("agent"), rs.getObject("day", LocalDate.class),
					rs.getInt("made"), rs.getInt("broken"), rs.getInt("late")))
			.list();
	}

	/** Per agent and ISO week (its Monday in the zone): calls with an automatic score and their average. */
	List<WeekRow> weeks(Filter filter) {
		return this.jdbc.sql("select c.agent, date_trunc('week', c.started_at at time zone :zone)::date as monday, "
				+ "count(e.score) as calls, avg(e.score)::float8 as average " + EVALUATIONS
				+ " and e.score is not null group by 1, 2 order by 1, 2")
			.paramSource(params(filter))
			.query((rs, row) -> new WeekRow(rs.getString("agent"), rs.getObject("monday", LocalDate.class),
					rs.getInt("calls"), rs.getObject("average", Double.class)))
			.list();
	}

	/**
	 * Current evaluations evaluated in [since, now] with a failed critical item whose call has no alert yet, oldest
	 * first; {@code items} names each failed critical item with what decided it (the first evidence, else the reason).
	 */
	List<CriticalFailure> criticalFailures(Instant since, Instant now, int limit) {
		return this.jdbc.sql("""
				select e.id, e.call_id, c.agent, c.queue, e.score,
				       exists (select 1 from mystery_shopper_call m where m.call_id = e.call_id) as mystery,
				       (select string_agg(i.label || coalesce(
				                 ' ("' || (i.evidence -> 0 ->> 'words') || '" at '
				                   || round((i.evidence -> 0 ->> 'startSec')::numeric, 1) || ' s, '
				                   || (i.evidence -> 0 ->> 'speaker') || ')',
				                 ' (' || i.reason || ')', ''), '; ' order by i.seq)
				        from automatic_evaluation_item i
				        where i.evaluation_id = e.id and i.critical and i.outcome = 'FAIL') as items
				from automatic_evaluation e join call c on c.id = e.call_id
				where e.current and e.critical_failed and e.evaluated_at >= :since and e.evaluated_at <= :now
				  and not exists (select 1 from automatic_critical_alert a where a.call_id = e.call_id)
				order by e.evaluated_at, e.id limit :limit""")
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new CriticalFailure(rs.getLong("id"), rs.getLong("call_id"), rs.getString("agent"),
					rs.getString("queue"), rs.getObject("score", Double.class), rs.getBoolean("mystery"),
					(rs.getString("items") != null) ? rs.getString("items") : "a critical item"))
			.list();
	}

	/**
	 * Claims the call's critical alert: false when it has one already (another run, another server); a concurrent
	 * claim waits for this transaction and then finds the row.
	 */
	boolean claimCritical(long callId, long evaluationId) {
		return this.jdbc.sql("""
				insert into automatic_critical_alert (call_id, evaluation_id) values (:call, :evaluation)
				on conflict (call_id) do nothing""")
			.param("call", callId)
			.param("evaluation", evaluationId)
			.update() == 1;
	}

	void criticalAlerted(long callId, long alertId) {
		this.jdbc.sql("update automatic_critical_alert set alert_id = :alert where call_id = :call")
			.param("call", callId)
			.param("alert", alertId)
			.update();
	}

	/** The agents' days in [from, to) with automatic scores that have not been checked against the pass mark. */
	List<DayRow> uncheckedDays(Instant from, Instant to, ZoneId zone) {
		return this.jdbc.sql("select c.agent, " + DAY + " as day, count(*) as calls, count(e.score) as scored, "
				+ "avg(e.score)::float8 as average, count(*) filter (where e.passed) as passed, "
				+ "count(*) filter (where e.critical_failed) as critical, "
				+ "(avg(v.pass_threshold) filter (where e.score is not null))::float8 as pass_mark "
				+ EVALUATIONS + " and not exists (select 1 from pass_mark_check p where p.agent = c.agent and p.day = "
				+ DAY + ") group by 1, 2 having count(e.score) > 0 order by 2, 1")
			.paramSource(params(new Filter(from, to, zone, null, null)))
			.query((rs, row) -> new DayRow(rs.getString("agent"), rs.getObject("day", LocalDate.class),
					rs.getInt("calls"), rs.getInt("scored"), rs.getObject("average", Double.class),
					rs.getInt("passed"), rs.getInt("critical"), rs.getObject("pass_mark", Double.class)))
			.list();
	}

	/** Records the day as checked: false when it was already (another run, another server). */
	boolean claimDay(DayRow day, ZoneId zone) {
		return this.jdbc.sql("""
				insert into pass_mark_check (agent, day, zone, calls, average, pass_mark)
				values (:agent, :day, :zone, :calls, :average, :passMark)
				on conflict (agent, day) do nothing""")
			.param("agent", day.agent())
			.param("day", Date.valueOf(day.day()))
			.param("zone", zone.getId())
			.param("calls", day.scored())
			.param("average", day.average())
			.param("passMark", day.passMark())
			.update() == 1;
	}

	void dayAlerted(String agent, LocalDate day, long alertId) {
		this.jdbc.sql("update pass_mark_check set alert_id = :alert where agent = :agent and day = :day")
			.param("agent", agent)
			.param("day", Date.valueOf(day))
			.param("alert", alertId)
			.update();
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Filter filter) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("from", Timestamp.from(filter.from()))
			.addValue("to", Timestamp.from(filter.to()))
			.addValue("zone", postgresZone(filter.zone()))
			.addValue("agent", filter.agent())
			.addValue("queue", filter.queue());
	}

	/**
	 * The zone as PostgreSQL's AT TIME ZONE reads it: region ids as they are, fixed offsets in POSIX sign order (where
	 * {@code '-02:00'} is two hours east of UTC). As telephony's metrics do.
	 */
	static String postgresZone(ZoneId zone) {
		if (!(zone.normalized() instanceof ZoneOffset offset)) {
			return zone.getId();
		}
		return (offset.getTotalSeconds() == 0) ? "UTC" : ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()).getId();
	}

}
