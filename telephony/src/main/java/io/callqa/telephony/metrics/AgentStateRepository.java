package io.callqa.telephony.metrics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agent state metrics' SQL over {@code agent_state_interval} (written by the floor feature); read-only.
 */
@Repository
class AgentStateRepository {

	/**
	 * Seconds per agent, day, state and pause reason: every stretch cut at the midnights of the zone (PostgreSQL
	 * turns each local midnight into its instant, so a day with a DST change has 23 or 25 hours), a stretch still
	 * going counted until now.
	 */
	private static final String SECONDS_PER_DAY_AND_STATE = """
			with days as (
			  select d::date as day,
			    (d::date::timestamp at time zone :zone) as day_start,
			    ((d::date + 1)::timestamp at time zone :zone) as day_end
			  from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as d),
			stretches as (
			  select agent, state, coalesce(pause_reason, '') as reason, started_at,
			    coalesce(ended_at, greatest(now(), started_at)) as ended_at
			  from agent_state_interval
			  where started_at < (select max(day_end) from days)
			    and coalesce(ended_at, 'infinity') > (select min(day_start) from days)
			    and (cast(:agent as text) is null or agent = cast(:agent as text)))
			select s.agent, d.day, s.state, s.reason,
			  sum(extract(epoch from least(s.ended_at, d.day_end) - greatest(s.started_at, d.day_start)))::float8 as sec
			from stretches s join days d on s.started_at < d.day_end and s.ended_at > d.day_start
			group by 1, 2, 3, 4
			order by 1, 2, 3, 4""";

	private final JdbcClient jdbc;

	AgentStateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StateSeconds> secondsPerDayAndState(LocalDate from, LocalDate to, ZoneId zone, @Nullable String agent) {
		return this.jdbc.sql(SECONDS_PER_DAY_AND_STATE)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("zone", MetricsRepository.postgresZone(zone))
			.param("agent", agent)
			.query((rs, row) -> new StateSeconds(rs.getString("agent"), rs.getDate("day").toLocalDate(),
					rs.getString("state"), rs.getString("reason"), rs.getDouble("sec")))
			.list();
	}

	/**
	 * The time one agent spent in one state (and pause reason, {@code ""} for none) on one day.
	 */
	record StateSeconds(String agent, LocalDate day, String state, String reason, double seconds) {
	}

}
