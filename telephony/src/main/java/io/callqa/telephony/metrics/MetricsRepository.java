package io.callqa.telephony.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.telephony.CallStats;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;
import io.callqa.telephony.Satisfaction;

/**
 * The metrics' SQL over {@code call}, {@code callback_request}, {@code callback_attempt} and
 * {@code survey_response}; read-only.
 */
@Repository
class MetricsRepository {

	/** Queue calls followed on Asterisk that have ended; a call belongs to the time it joined the queue. */
	private static final String QUEUE_CALLS = """
			from call c
			where c.source = 'ASTERISK' and c.direction = 'INBOUND' and c.queue is not null and c.state = 'ENDED'
			  and coalesce(c.entered_at, c.started_at) >= :from and coalesce(c.entered_at, c.started_at) < :to""";

	private static final String CALL_TIME = "coalesce(c.entered_at, c.started_at)";

	/**
	 * Per group key (the first %s): queue calls offered, answered and abandoned, service level, waits, talk and survey
	 * scores; the second %s is {@link #QUEUE_CALLS} joined with the scores.
	 */
	private static final String CALL_STATS = """
			with scores as (
			  -- An answer stored before its call was known finds it now through the caller's leg.
			  select coalesce(s.call_id, l.call_id) as call_id, sum(s.score) as total, count(*) as n
			  from survey_response s
			  left join call_leg l on s.call_id is null and l.uniqueid = s.uniqueid
			       and (s.server is null or l.server = s.server)
			  where s.score is not null
			  group by 1)
			select %s as key,
			  count(*) as offered,
			  count(*) filter (where c.outcome = 'ANSWERED') as answered,
			  count(*) filter (where c.outcome = 'ABANDONED' and coalesce(c.wait_sec, :short) >= :short) as abandoned,
			  count(*) filter (where c.outcome = 'ABANDONED' and c.wait_sec < :short) as short_abandoned,
			  count(*) filter (where c.outcome = 'TIMEOUT') as timeouts,
			  count(*) filter (where c.outcome = 'CALLBACK_REQUESTED') as callback_requested,
			  count(*) filter (where c.outcome = 'ANSWERED' and c.wait_sec <= :sl) as answered_within,
			  avg(c.wait_sec) filter (where c.outcome = 'ANSWERED') as asa,
			  avg(c.talk_sec) filter (where c.outcome = 'ANSWERED') as aht,
			  max(c.wait_sec) as max_wait,
			  coalesce(sum(s.n), 0) as survey_n,
			  sum(s.total)::float8 / nullif(sum(s.n), 0) as survey_avg
			%s
			group by 1 order by 1 nulls last""";

	/** Per group key (the %s): callbacks requested and done, the first attempt's delay and the promise kept. */
	private static final String CALLBACK_STATS = """
			with a as (
			  select request_id, count(*) as attempts,
			    min(started_at) as first_started,
			    (array_agg(outcome order by attempt_no))[1] as first_outcome,
			    (array_agg(started_at order by attempt_no) filter (where outcome = 'ANSWERED'))[1] as success_started,
			    (array_agg(agent order by attempt_no) filter (where outcome = 'ANSWERED'))[1] as success_agent
			  from callback_attempt group by request_id)
			select %s as key,
			  count(*) as requested,
			  count(*) filter (where r.state = 'DONE') as done,
			  avg(extract(epoch from a.first_started - r.requested_at))::float8 as first_avg,
			  (percentile_disc(0.9) within group (order by extract(epoch from a.first_started - r.requested_at)))::float8 as first_p90,
			  (avg(extract(epoch from a.success_started - r.promised_by)) filter (where r.state = 'DONE'))::float8 as punctuality,
			  coalesce(sum(a.attempts), 0) as attempts,
			  count(a.request_id) as attempted,
			  count(*) filter (where a.first_outcome = 'ANSWERED') as first_success,
			  count(*) filter (where r.state = 'DONE' and a.success_started <= r.promised_by) as done_within,
			  count(*) filter (where r.state <> 'CANCELLED') as not_cancelled
			from callback_request r left join a on a.request_id = r.id
			where r.requested_at >= :from and r.requested_at < :to
			group by 1 order by 1 nulls last""";

	private final JdbcClient jdbc;

	MetricsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CallStats> calls(MetricsQuery query, double shortAbandonSec, double serviceLevelSec) {
		String key = key(query.groupBy(), "c.queue", "c.agent", CALL_TIME);
		String queueCallsWithScores = QUEUE_CALLS.replace("from call c",
				"from call c left join scores s on s.call_id = c.id");
		return inPeriod(this.jdbc.sql(CALL_STATS.formatted(key, queueCallsWithScores)), query)
			.param("short", shortAbandonSec)
			.param("sl", serviceLevelSec)
			.query((rs, row) -> toCallStats(rs))
			.list();
	}

	List<CallbackRow> callbacks(MetricsQuery query) {
		String key = key(query.groupBy(), "r.queue", "a.success_agent", "r.requested_at");
		return inPeriod(this.jdbc.sql(CALLBACK_STATS.formatted(key)), query)
			.query((rs, row) -> toCallbackRow(rs))
			.list();
	}

	List<AbandonRow> abandonedCallers(MetricsQuery query, double shortAbandonSec) {
		String key = key(query.groupBy(), "c.queue", "null::text", CALL_TIME);
		return inPeriod(this.jdbc.sql("""
				select %s as key, count(*) as abandoned,
				  count(*) filter (where exists (
				      select 1 from callback_request r
				      where r.origin_call_id = c.id and r.source = 'ABANDONED' and r.state = 'DONE')
				    or exists (
				      select 1 from call l
				      where l.caller_number = c.caller_number and l.id <> c.id and l.source = 'ASTERISK'
				        and l.outcome in ('ANSWERED', 'CONNECTED') and l.started_at > c.started_at
				        and l.started_at < :to)) as reached
				%s and c.outcome = 'ABANDONED' and coalesce(c.wait_sec, :short) >= :short
				group by 1 order by 1 nulls last""".formatted(key, QUEUE_CALLS)), query)
			.param("short", shortAbandonSec)
			.query((rs, row) -> new AbandonRow(rs.getString("key"), rs.getLong("abandoned"), rs.getLong("reached")))
			.list();
	}

	/** The period asked for, and the time zone its days and hours are counted in. */
	private static JdbcClient.StatementSpec inPeriod(JdbcClient.StatementSpec statement, MetricsQuery query) {
		return statement.param("from", Timestamp.from(query.from()))
			.param("to", Timestamp.from(query.to()))
			.param("zone", postgresZone(query.zone()));
	}

	/** The group key's SQL; built from our enum and column names only, never from user input. */
	private static String key(Grouping grouping, String queue, String agent, String time) {
		return switch (grouping) {
			case QUEUE -> queue;
			case AGENT -> agent;
			case DAY -> "to_char(" + time + " at time zone :zone, 'YYYY-MM-DD')";
			case HOUR -> "to_char(" + time + " at time zone :zone, 'YYYY-MM-DD\"T\"HH24:00')";
			case ALL -> "'all'";
		};
	}

	/**
	 * The zone as PostgreSQL's AT TIME ZONE reads it: region ids as they are, but fixed offsets in POSIX sign order,
	 * where {@code '-02:00'} means two hours east of UTC.
	 */
	static String postgresZone(ZoneId zone) {
		if (!(zone.normalized() instanceof ZoneOffset offset)) {
			return zone.getId();
		}
		return (offset.getTotalSeconds() == 0) ? "UTC" : ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()).getId();
	}

	private static CallStats toCallStats(ResultSet rs) throws SQLException {
		long offered = rs.getLong("offered");
		long shortAbandoned = rs.getLong("short_abandoned");
		long within = rs.getLong("answered_within");
		return new CallStats(rs.getString("key"), offered, rs.getLong("answered"), rs.getLong("abandoned"),
				shortAbandoned, rs.getLong("timeouts"), rs.getLong("callback_requested"), within,
				rs.getObject("asa", Double.class), percent(within, offered - shortAbandoned),
				rs.getObject("aht", Double.class), rs.getObject("max_wait", Double.class), rs.getLong("survey_n"),
				rs.getObject("survey_avg", Double.class));
	}

	private static CallbackRow toCallbackRow(ResultSet rs) throws SQLException {
		return new CallbackRow(rs.getString("key"), rs.getLong("requested"), rs.getLong("done"),
				rs.getObject("first_avg", Double.class), rs.getObject("first_p90", Double.class),
				rs.getObject("punctuality", Double.class), rs.getLong("attempts"), rs.getLong("attempted"),
				rs.getLong("first_success"), rs.getLong("done_within"), rs.getLong("not_cancelled"));
	}

	static @Nullable Double percent(long part, long whole) {
		return (whole > 0) ? 100.0 * part / whole : null;
	}

	/**
	 * Raw callback counts of one group.
	 */
	record CallbackRow(@Nullable String key, long requested, long done, @Nullable Double firstAttemptAvgSec,
			@Nullable Double firstAttemptP90Sec, @Nullable Double punctualityAvgSec, long attempts, long attempted,
			long firstSuccess, long doneWithin, long notCancelled) {
	}

	/**
	 * Abandoned callers of one group and how many were reached later.
	 */
	record AbandonRow(@Nullable String key, long abandoned, long reached) {
	}

	Satisfaction satisfaction(MetricsQuery query) {
		return this.jdbc.sql("""
				select count(*) as n, avg(score)::float8 as average,
				  count(*) filter (where score >= 9) as promoters, count(*) filter (where score <= 6) as detractors
				from survey_response where score is not null and answered_at >= :from and answered_at < :to""")
			.param("from", Timestamp.from(query.from()))
			.param("to", Timestamp.from(query.to()))
			.query((rs, row) -> {
				long n = rs.getLong("n");
				long promoters = rs.getLong("promoters");
				long detractors = rs.getLong("detractors");
				Double nps = (n == 0) ? null : 100.0 * (promoters - detractors) / n;
				return new Satisfaction(n, rs.getObject("average", Double.class), nps, promoters, detractors);
			})
			.single();
	}

}
